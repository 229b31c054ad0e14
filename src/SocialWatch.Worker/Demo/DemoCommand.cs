using System.CommandLine;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;
using Npgsql;
using SocialWatch.Fakes.Mail;
using SocialWatch.Worker.Cli;
using SocialWatch.Worker.Storage;

namespace SocialWatch.Worker.Demo;

/// <summary>
/// `socialwatch demo`: the whole pipeline on bundled sample data, with no credentials. Platforms are
/// loopback fakes; the database is the configured one or, without one, a private PostgreSQL started
/// from the installed binaries in the data folder; alerts go to the configured SMTP server (Mailpit
/// under Docker) or, without one, to a loopback SMTP server that writes .eml files to the data folder.
/// </summary>
internal static class DemoCommand
{
    public static Command Build()
    {
        var data = new Option<DirectoryInfo>("--data") { Description = "Folder for the demo's database and mail (default: .demo)", DefaultValueFactory = _ => new DirectoryInfo(".demo") };
        var duration = new Option<TimeSpan?>("--duration") { Description = "Stop after this long (hh:mm:ss); default: run until Ctrl+C" };
        var command = new Command("demo", "Run SocialWatch on bundled sample data: fake platforms, real database, real mail") { data, duration };
        command.SetAction(async (parse, ct) =>
        {
            using var stopAfter = parse.GetValue(duration) is { } d ? new CancellationTokenSource(d) : new CancellationTokenSource();
            using var linked = CancellationTokenSource.CreateLinkedTokenSource(ct, stopAfter.Token);
            return await RunAsync(parse.GetValue(data)!.FullName, parse.GetValue(SocialWatchCli.ConfigOption), linked.Token);
        });
        return command;
    }

    private static async Task<int> RunAsync(string folder, string? configFile, CancellationToken ct)
    {
        Directory.CreateDirectory(folder);
        var configured = new ConfigurationBuilder()
            .SetBasePath(AppContext.BaseDirectory)
            .AddJsonFile("appsettings.json", optional: true)
            .AddEnvironmentVariables()
            .Build();
        var samples = Path.Combine(AppContext.BaseDirectory, "samples", "corpus");

        PrivatePostgres? postgres = null;
        MailCatcher? mail = null;
        try
        {
            var connectionString = configured["Database:ConnectionString"];
            if (string.IsNullOrWhiteSpace(connectionString))
            {
                Console.WriteLine($"Starting a private PostgreSQL in {Path.Combine(folder, "postgres")} …");
                postgres = await PrivatePostgres.StartAsync(Path.Combine(folder, "postgres"), ct: ct);
                connectionString = await FreshDatabaseAsync(postgres, ct);
            }

            await using var platforms = await DemoPlatforms.StartAsync(Path.Combine(samples, "dev.jsonl"));
            var settings = DemoSettings(platforms, connectionString, Path.Combine(samples, "watch.json"));
            if (string.IsNullOrWhiteSpace(configured["Alerts:SmtpHost"]))
            {
                mail = MailCatcher.Start(Path.Combine(folder, "mail"));
                settings["Alerts:SmtpHost"] = "127.0.0.1";
                settings["Alerts:SmtpPort"] = mail.Port.ToString(System.Globalization.CultureInfo.InvariantCulture);
                settings["Alerts:Security"] = "None";
                settings["Alerts:AllowInsecureSmtp"] = "true";
                settings["Alerts:To"] = "town.clerk@example.org";
                settings["Alerts:From"] = "socialwatch@example.org";
            }
            var settingsFile = Path.Combine(folder, "demo-settings.json");
            await File.WriteAllTextAsync(settingsFile, new JsonObject
            {
                ["Database"] = new JsonObject { ["ConnectionString"] = connectionString },
            }.ToJsonString(new JsonSerializerOptions { WriteIndented = true }), ct);

            using var host = WorkerHost.CreateBuilder(configFile, settings).Build();
            await host.StartAsync(ct);
            platforms.ReleaseTheRest(TimeSpan.FromSeconds(2));
            PrintGuide(folder, settingsFile, connectionString, mail);
            try
            {
                await Task.Delay(Timeout.Infinite, ct);
            }
            catch (OperationCanceledException)
            {
                Console.WriteLine("Stopping the demo …");
            }
            await host.StopAsync(CancellationToken.None);
            return 0;
        }
        finally
        {
            if (mail is not null)
            {
                await mail.DisposeAsync();
            }
            if (postgres is not null)
            {
                await postgres.DisposeAsync();
            }
        }
    }

    /// <summary>The demo starts from an empty database each time, so what it shows is what this run did.</summary>
    private static async Task<string> FreshDatabaseAsync(PrivatePostgres postgres, CancellationToken ct)
    {
        await using (var connection = new NpgsqlConnection(postgres.ConnectionString()))
        {
            await connection.OpenAsync(ct);
            await using var drop = new NpgsqlCommand("DROP DATABASE IF EXISTS socialwatch WITH (FORCE)", connection);
            await drop.ExecuteNonQueryAsync(ct);
        }
        await postgres.CreateDatabaseAsync("socialwatch", ct: ct);
        return postgres.ConnectionString("socialwatch");
    }

    private static Dictionary<string, string?> DemoSettings(DemoPlatforms platforms, string connectionString, string watchFile)
    {
        // The watch list is the sample's watch.json, as configuration; its logo path made absolute.
        var settings = new ConfigurationBuilder().AddJsonFile(watchFile).Build().AsEnumerable()
            .Where(p => p.Value is not null)
            .ToDictionary(p => p.Key, p => p.Value);
        var folder = Path.GetDirectoryName(watchFile)!;
        foreach (var key in settings.Keys.Where(k => k.StartsWith("Watch:Organisation:LogoFiles:", StringComparison.Ordinal)).ToList())
        {
            settings[key] = Path.GetFullPath(Path.Combine(folder, settings[key]!));
        }

        settings["Database:ConnectionString"] = connectionString;
        settings["X:BaseUrl"] = platforms.X.Server.BaseAddress.ToString();
        settings["X:BearerToken"] = DemoPlatforms.DemoToken;
        settings["X:OwnedUserToken"] = DemoPlatforms.DemoToken;
        settings["Alerts:SendEvery"] = "00:00:05";
        // The demo's pictures come from a loopback HTTP server; real deployments keep both checks on.
        settings["Avatars:RequireHttps"] = "false";
        settings["Avatars:AllowPrivateAddresses"] = "true";
        settings["AvatarRefresh:Every"] = "00:00:05";
        settings["Alerts:DigestCron"] = "0 * * * * ?";
        settings["Scheduler:ClusterCheckinInterval"] = "00:00:05";
        var sources = new (string Name, string Kind, string Target)[]
        {
            ("x-council", "OfficialTimeline", "1000000001"),
            ("x-mentions", "Mentions", "1000000001"),
            ("x-search", "Search", "Leigh OR council OR LTC"),
            ("x-accounts", "AccountSearch", "Leigh Council LTC"),
            ("x-staff-sam", "StaffAccount", "2000000101"),
            ("x-staff-priya", "StaffAccount", "2000000102"),
            ("x-staff-tom", "StaffAccount", "2000000103"),
        };
        for (var i = 0; i < sources.Length; i++)
        {
            settings[$"Sources:{i}:Name"] = sources[i].Name;
            settings[$"Sources:{i}:Platform"] = "x";
            settings[$"Sources:{i}:Kind"] = sources[i].Kind;
            settings[$"Sources:{i}:Target"] = sources[i].Target;
            settings[$"Sources:{i}:Every"] = "00:00:05";
            settings[$"Sources:{i}:BackfillDays"] = "0";
        }
        return settings;
    }

    private static void PrintGuide(string folder, string settingsFile, string connectionString, MailCatcher? mail)
    {
        var cli = "dotnet run --project src/SocialWatch.Worker --";
        var psql = new NpgsqlConnectionStringBuilder(connectionString);
        Console.WriteLine($"""

            SocialWatch demo is running: sample posts are being polled from loopback platform fakes every 5 seconds.

              Alerts      {(mail is null ? "go to the configured mail server (under Docker: the Mailpit inbox at http://localhost:8025)" : $"are written as .eml files to {mail.Folder}")}
              Flags       {cli} flags list --config {settingsFile}
              Sources     {cli} sources list --config {settingsFile}
              Health      {cli} health --config {settingsFile}
              SQL         psql -h {psql.Host} -p {psql.Port} -U {psql.Username} {psql.Database} -c "SELECT flag_id, rule, severity, author_handle, left(post_text, 60) FROM flagged_posts ORDER BY flag_id"

            Everything is kept in {folder}. Press Ctrl+C to stop.
            """);
    }
}
