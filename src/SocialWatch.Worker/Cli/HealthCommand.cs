using System.CommandLine;
using Microsoft.Extensions.DependencyInjection;
using SocialWatch.Worker.Health;

namespace SocialWatch.Worker.Cli;

/// <summary>`health`: exit 0 and "healthy", or exit 1 and one line per problem (Docker's HEALTHCHECK).</summary>
internal static class HealthCommand
{
    public static Command Build()
    {
        var command = new Command("health", "Check the database, the scheduler, every source and the alert queue; exit 1 with the reason if anything is wrong");
        command.SetAction((parse, ct) => SocialWatchCli.WithServicesAsync(parse, async services =>
        {
            var problems = await services.GetRequiredService<HealthCheck>().ProblemsAsync(ct);
            if (problems.Count == 0)
            {
                Console.WriteLine("healthy");
                return 0;
            }
            foreach (var problem in problems)
            {
                Console.WriteLine($"unhealthy: {problem}");
            }
            return 1;
        }));
        return command;
    }
}
