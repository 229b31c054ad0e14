using System.CommandLine;
using System.Globalization;
using System.Text;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using SocialWatch.Worker.Cli;
using SocialWatch.Worker.Storage;

namespace SocialWatch.Worker.Web;

/// <summary>`socialwatch clerks add|list|unlock|remove`: the review page's logins. The password is never
/// an argument (it would sit in the shell history and the process list): it is typed at a prompt
/// that does not echo, or read from standard input when that is a pipe or a file.</summary>
internal static class ClerksCommand
{
    public static Command Build()
    {
        var name = new Argument<string>("name") { Description = "The clerk's name, as typed at sign-in (e.g. \"Jane Smith\")" };
        var replace = new Option<bool>("--reset") { Description = "Set a new password for an existing login (and unlock it)" };
        var add = new Command("add", "Create a login for the review page; the password is read from a prompt or standard input") { name, replace };
        add.SetAction((parse, ct) => SocialWatchCli.WithServicesAsync(parse, async services =>
        {
            await MigrateAsync(services, ct);
            var clerk = parse.GetValue(name)!.Trim();
            if (ClerkLogins.NameProblem(clerk) is { } nameProblem)
            {
                Console.Error.WriteLine($"error: {nameProblem}");
                return 2;
            }
            var password = ReadPassword();
            if (password is null)
            {
                Console.Error.WriteLine("error: the two passwords differ; nothing was changed");
                return 2;
            }
            if (ClerkLogins.PasswordProblem(password) is { } problem)
            {
                Console.Error.WriteLine($"error: {problem}; nothing was changed");
                return 2;
            }
            var reset = parse.GetValue(replace);
            if (!await services.GetRequiredService<ClerkLogins>().AddAsync(clerk, password, reset, ct))
            {
                Console.Error.WriteLine($"error: a login named \"{clerk}\" exists already (use --reset to give it a new password)");
                return 1;
            }
            Console.WriteLine(reset ? $"The password of \"{clerk}\" is set." : $"Login \"{clerk}\" created. Sign in at the review page's address (Web:BaseUrl).");
            return 0;
        }));

        var list = new Command("list", "Every login, when it last signed in, and whether it is locked");
        list.SetAction((parse, ct) => SocialWatchCli.WithServicesAsync(parse, async services =>
        {
            await MigrateAsync(services, ct);
            var rows = await services.GetRequiredService<ClerkLogins>().ListAsync(ct);
            var now = DateTime.UtcNow;
            TextTable.Write(Console.Out, ["name", "created (UTC)", "last sign-in (UTC)", "wrong passwords", "locked until (UTC)"], rows.Select(r => new[]
            {
                r.Name, Format(r.CreatedAt), r.LastSignInAt is { } s ? Format(s) : "never",
                r.FailedCount.ToString(CultureInfo.InvariantCulture), r.LockedUntil is { } u && u > now ? Format(u) : "",
            }));
            return 0;
        }));

        var unlockName = new Argument<string>("name") { Description = "The login to unlock" };
        var unlock = new Command("unlock", "Unlock a login locked after wrong passwords") { unlockName };
        unlock.SetAction((parse, ct) => SocialWatchCli.WithServicesAsync(parse, async services =>
        {
            await MigrateAsync(services, ct);
            var clerk = parse.GetValue(unlockName)!;
            if (!await services.GetRequiredService<ClerkLogins>().UnlockAsync(clerk, ct))
            {
                Console.Error.WriteLine($"error: no login named \"{clerk}\"");
                return 1;
            }
            Console.WriteLine($"\"{clerk}\" is unlocked.");
            return 0;
        }));

        var removeName = new Argument<string>("name") { Description = "The login to remove" };
        var remove = new Command("remove", "Remove a login (its reviews keep the name they were recorded with)") { removeName };
        remove.SetAction((parse, ct) => SocialWatchCli.WithServicesAsync(parse, async services =>
        {
            await MigrateAsync(services, ct);
            var clerk = parse.GetValue(removeName)!;
            if (!await services.GetRequiredService<ClerkLogins>().RemoveAsync(clerk, ct))
            {
                Console.Error.WriteLine($"error: no login named \"{clerk}\"");
                return 1;
            }
            Console.WriteLine($"\"{clerk}\" is removed.");
            return 0;
        }));

        return new Command("clerks", "The review page's logins for the Town Clerk and colleagues") { add, list, unlock, remove };
    }

    private static async Task MigrateAsync(IServiceProvider services, CancellationToken ct)
    {
        if (services.GetRequiredService<IOptions<DatabaseOptions>>().Value.MigrateOnStart)
        {
            await services.GetRequiredService<Migrator>().MigrateAsync(ct);
        }
    }

    /// <summary>From a pipe or file: the first line. At a terminal: typed twice without echo. Null when the two differ.</summary>
    private static string? ReadPassword()
    {
        if (Console.IsInputRedirected)
        {
            return Console.In.ReadLine() ?? "";
        }
        var first = Prompt("Password: ");
        var second = Prompt("Same password again: ");
        return first == second ? first : null;
    }

    private static string Prompt(string label)
    {
        Console.Error.Write(label);
        var typed = new StringBuilder();
        while (true)
        {
            var key = Console.ReadKey(intercept: true);
            if (key.Key == ConsoleKey.Enter)
            {
                Console.Error.WriteLine();
                return typed.ToString();
            }
            if (key.Key == ConsoleKey.Backspace)
            {
                if (typed.Length > 0)
                {
                    typed.Length--;
                }
            }
            else if (!char.IsControl(key.KeyChar))
            {
                typed.Append(key.KeyChar);
            }
        }
    }

    private static string Format(DateTime utc) => utc.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture);
}
