using System.CommandLine;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using SocialWatch.Worker.Ingestion;
using SocialWatch.Worker.Storage;

namespace SocialWatch.Worker.Cli;

/// <summary>The command line of the one `socialwatch` binary.</summary>
internal static class SocialWatchCli
{
    internal static readonly Option<string?> ConfigOption = new("--config")
    {
        Description = "A JSON settings file read after appsettings.json (environment variables still win)",
        Recursive = true,
    };

    public static RootCommand Build()
    {
        var root = new RootCommand("SocialWatch: watches social media for the organisation in its watch list and alerts its clerk")
        {
            ConfigOption,
        };
        root.Add(RunCommand());
        root.Add(MigrateCommand());
        root.Add(PollCommand());
        root.Add(SourcesCommand());
        root.Add(FlagsCommand.Build());
        root.Add(HealthCommand.Build());
        root.Add(Web.ClerksCommand.Build());
        foreach (var command in RulesCommands.Build())
        {
            root.Add(command);
        }
        return root;
    }

    private static Command RunCommand()
    {
        var command = new Command("run", "Run the worker: poll every configured source on its schedule, flag, send alerts");
        command.SetAction(async (parse, ct) =>
        {
            using var host = WorkerHost.CreateBuilder(parse.GetValue(ConfigOption)).Build();
            try
            {
                await host.RunAsync(ct);
            }
            catch (OptionsValidationException e)
            {
                // A bad setting found at start: one line naming it, and the exit code of the other verbs.
                Console.Error.WriteLine($"error: bad configuration: {string.Join("; ", e.Failures)}");
                return 2;
            }
            return 0;
        });
        return command;
    }

    private static Command MigrateCommand()
    {
        var command = new Command("migrate", "Apply the database migrations in db/migrations and exit");
        command.SetAction((parse, ct) => WithServicesAsync(parse, async services =>
        {
            var applied = await services.GetRequiredService<Migrator>().MigrateAsync(ct);
            Console.WriteLine(applied.Count == 0 ? "The database is up to date." : $"Applied {applied.Count} migration(s): {string.Join(", ", applied)}");
            return 0;
        }));
        return command;
    }

    private static Command PollCommand()
    {
        var source = new Option<string>("--source") { Description = "The source's name, as in `sources list`", Required = true };
        var command = new Command("poll", "Poll one source now (the worker may keep running)") { source };
        command.SetAction((parse, ct) => WithServicesAsync(parse, async services =>
        {
            await PrepareDatabaseAsync(services, ct);
            var outcome = await services.GetRequiredService<SourcePoller>().PollAsync(parse.GetValue(source)!, ct);
            if (outcome.Skipped)
            {
                Console.WriteLine($"{outcome.Source}: skipped (being polled elsewhere, or the platform asked us to wait; see `sources list`)");
                return 0;
            }
            Console.WriteLine($"{outcome.Source}: {outcome.Pages} page(s), {outcome.NewPosts} new post(s), {outcome.ChangedPosts} edited, {outcome.Accounts} new or changed account(s), {outcome.Flags} flag(s)");
            if (outcome.Error is not null)
            {
                Console.Error.WriteLine($"error: {outcome.Error}");
                return 1;
            }
            return 0;
        }));
        return command;
    }

    private static Command SourcesCommand()
    {
        var list = new Command("list", "Each source with its schedule, last success and last error");
        list.SetAction((parse, ct) => WithServicesAsync(parse, async services =>
        {
            await PrepareDatabaseAsync(services, ct);
            var rows = await services.GetRequiredService<SourceStore>().ListAsync(ct);
            var table = rows.Select(s => new[]
            {
                s.Name, s.Platform, s.Kind, s.Schedule, s.Enabled ? "yes" : "no",
                Format(s.LastSuccessAt), s.PostsStored.ToString(System.Globalization.CultureInfo.InvariantCulture),
                s.LastError is null || (s.LastSuccessAt >= s.LastErrorAt) ? "" : $"{Format(s.LastErrorAt)} {s.LastError}",
            });
            TextTable.Write(Console.Out, ["source", "platform", "kind", "schedule", "enabled", "last success (UTC)", "posts", "last error"], table);
            return 0;
        }));
        var command = new Command("sources", "The configured sources and their health") { list };
        return command;
    }

    /// <summary>Migrates (unless Database:MigrateOnStart is off) and syncs the configured sources, so a
    /// one-shot verb works on a fresh database exactly as the worker would.</summary>
    private static async Task PrepareDatabaseAsync(IServiceProvider services, CancellationToken ct)
    {
        if (services.GetRequiredService<IOptions<DatabaseOptions>>().Value.MigrateOnStart)
        {
            await services.GetRequiredService<Migrator>().MigrateAsync(ct);
        }
        await services.GetRequiredService<SourceStore>().SyncAsync(services.GetRequiredService<IOptions<SourcesOptions>>().Value.Items, ct);
    }

    private static string Format(DateTime? time) => time?.ToString("yyyy-MM-dd HH:mm", System.Globalization.CultureInfo.InvariantCulture) ?? "never";

    /// <summary>Builds the host without starting it (no scheduler, no jobs) for a one-shot verb, and
    /// turns a bad setting into one clear line instead of a stack trace.</summary>
    internal static async Task<int> WithServicesAsync(ParseResult parse, Func<IServiceProvider, Task<int>> action)
    {
        try
        {
            using var host = WorkerHost.CreateBuilder(parse.GetValue(ConfigOption), jsonLogs: false).Build();
            return await action(host.Services);
        }
        catch (OptionsValidationException e)
        {
            Console.Error.WriteLine($"error: bad configuration: {string.Join("; ", e.Failures)}");
            return 2;
        }
        catch (Npgsql.NpgsqlException e)
        {
            Console.Error.WriteLine(e is Npgsql.PostgresException
                ? $"error: the database refused the request: {e.Message}"
                : $"error: the database is not reachable: {e.Message}");
            return 3;
        }
    }
}
