using System.CommandLine;
using System.Text.Json.Nodes;
using System.Text.Json;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Npgsql;
using SocialWatch.Fakes.Mail;
using SocialWatch.Worker.Cli;
using SocialWatch.Worker.Storage;
using SocialWatch.Worker;

namespace SocialWatch.Demo;

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
        // What the worker's host will read (but --config), to tell whether a database and a mail server are configured.
        var configured = WorkerHost.AddSecretFiles(new ConfigurationBuilder()
            .SetBasePath(AppContext.BaseDirectory)
            .AddJsonFile("appsettings.json", optional: true)
            .AddEnvironmentVariables())
            .Build();
        var samples = Path.Combine(AppContext.BaseDirectory, "samples", "corpus");

        PrivatePostgres? postgres = null;
        MailCatcher? mail = null;
        try
        {
            // A configured server keeps its password where the council put it (Database:Password, a
            // secret file); only the private server's password is written into the demo's settings.
            var connectionString = configured["Database:ConnectionString"];
            string? privatePassword = null;
            if (string.IsNullOrWhiteSpace(connectionString))
            {
                Console.WriteLine($"Starting a private PostgreSQL in {Path.Combine(folder, "postgres")} …");
                postgres = await PrivatePostgres.StartAsync(Path.Combine(folder, "postgres"), ct: ct);
                connectionString = await FreshDatabaseAsync(postgres, ct);
                privatePassword = postgres.Password;
            }

            var watchFile = Path.Combine(samples, "watch.json");
            var watch = DemoWatch.Read(watchFile);
            await using var platforms = await DemoPlatforms.StartAsync(Path.Combine(samples, "dev.jsonl"), watch);
            var settings = DemoSettings(platforms, watch, connectionString, watchFile);
            if (privatePassword is not null)
            {
                settings["Database:Password"] = privatePassword;
            }
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
            var database = new JsonObject { ["ConnectionString"] = connectionString };
            if (privatePassword is not null)
            {
                database["Password"] = privatePassword;
            }
            await File.WriteAllTextAsync(settingsFile, new JsonObject { ["Database"] = database }
                .ToJsonString(new JsonSerializerOptions { WriteIndented = true }), ct);
            if (!OperatingSystem.IsWindows())
            {
                File.SetUnixFileMode(settingsFile, UnixFileMode.UserRead | UnixFileMode.UserWrite);
            }

            // Plain, quiet console output (warnings only): the demo is read by a person and prints its
            // own progress line; `run` keeps JSON logs for log collectors.
            DemoSignIn.Configure(settings, configured);
            using var host = WorkerHost.CreateBuilder(configFile, settings, jsonLogs: false).Build();
            await host.StartAsync(ct);
            platforms.ReleaseTheRest(TimeSpan.FromSeconds(2));
            PrintGuide(platforms, folder, settingsFile, connectionString, postgres, mail);
            await DemoSignIn.CreateAndPrintAsync(host.Services, ct);
            try
            {
                // The host's own data source: it has the password from wherever the settings put it.
                await ReportProgressAsync(host.Services.GetRequiredService<NpgsqlDataSource>(), ct);
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
        return postgres.ConnectionStringWithoutPassword("socialwatch");
    }

    private static Dictionary<string, string?> DemoSettings(DemoPlatforms platforms, DemoWatch watch, string connectionString, string watchFile)
    {
        var settings = PlatformSettings(platforms, watch, watchFile);
        settings["Database:ConnectionString"] = connectionString;
        foreach (var (key, value) in PlatformCredentials)
        {
            settings[key] = value;
        }
        return settings;
    }

    /// <summary>The demo's made-up platform credentials, which the fakes accept (not secrets).</summary>
    internal static IReadOnlyDictionary<string, string> PlatformCredentials { get; } = new Dictionary<string, string>
    {
        ["X:BearerToken"] = DemoPlatforms.DemoToken,
        ["X:OwnedUserToken"] = DemoPlatforms.DemoToken,
        ["Facebook:PageAccessToken"] = DemoPlatforms.DemoToken,
        ["Bluesky:AppPassword"] = DemoPlatforms.BlueskyAppPassword,
        ["Mastodon:AccessToken"] = DemoPlatforms.DemoToken,
    };

    /// <summary>Everything a worker needs to poll the demo's platforms but the database and the
    /// credentials: the watch list, the platforms' addresses and the sources.</summary>
    internal static Dictionary<string, string?> PlatformSettings(DemoPlatforms platforms, DemoWatch watch, string watchFile)
    {
        // The watch list is the sample's watch.json, as configuration.
        var settings = SocialWatch.Worker.Rules.WatchFileSettings.Load(watchFile);

        settings["X:BaseUrl"] = platforms.X.Server.BaseAddress.ToString();
        settings["Facebook:BaseUrl"] = platforms.Facebook.GraphBase.ToString();
        settings["Bluesky:AppViewUrl"] = platforms.Bluesky.Server.BaseAddress.ToString();
        settings["Bluesky:PdsUrl"] = platforms.Bluesky.Server.BaseAddress.ToString();
        settings["Bluesky:Handle"] = DemoPlatforms.BlueskyHandle;
        settings["Mastodon:BaseUrl"] = platforms.Mastodon.Server.BaseAddress.ToString();
        settings["Alerts:SendEvery"] = "00:00:05";
        // The demo's pictures come from a loopback HTTP server; real deployments keep both checks on.
        settings["Avatars:RequireHttps"] = "false";
        settings["Avatars:AllowPrivateAddresses"] = "true";
        settings["AvatarRefresh:Every"] = "00:00:05";
        // Some demo fakes serve no pictures (Facebook, most Mastodon accounts): their 404s are expected here.
        settings["Logging:LogLevel:SocialWatch.Worker.Avatars"] = "Error";
        settings["Alerts:DigestCron"] = "0 * * * * ?";
        settings["Scheduler:ClusterCheckinInterval"] = "00:00:05";
        var sources = Sources(platforms, watch);
        for (var i = 0; i < sources.Count; i++)
        {
            settings[$"Sources:{i}:Name"] = sources[i].Name;
            settings[$"Sources:{i}:Platform"] = sources[i].Platform;
            settings[$"Sources:{i}:Kind"] = sources[i].Kind;
            settings[$"Sources:{i}:Target"] = sources[i].Target;
            settings[$"Sources:{i}:Every"] = "00:00:05";
            settings[$"Sources:{i}:BackfillDays"] = "0";
        }
        return settings;
    }

    /// <summary>
    /// The sources that between them fetch every sample record: each official account's timeline, each
    /// staff account, what each platform offers for other people's posts (X mentions and search, posts
    /// tagging the Facebook Page, signed-in Bluesky search, Mastodon notifications and search, one feed
    /// per news site) and an account sweep per platform for look-alike accounts that have not posted.
    /// </summary>
    internal static List<(string Name, string Platform, string Kind, string Target)> Sources(DemoPlatforms platforms, DemoWatch watch)
    {
        var sources = new List<(string Name, string Platform, string Kind, string Target)>();
        foreach (var official in watch.Official.Where(a => DemoPlatforms.PlatformOrder.Contains(a.Platform)))
        {
            sources.Add(($"{official.Platform}-council", official.Platform, "OfficialTimeline", official.Id));
        }
        foreach (var staff in watch.Staff.Where(a => DemoPlatforms.PlatformOrder.Contains(a.Platform)))
        {
            sources.Add(($"{staff.Platform}-staff-{staff.Handle.Split('.')[0]}", staff.Platform, "StaffAccount", staff.Id));
        }
        if (watch.OfficialId("x") is { } xCouncil)
        {
            sources.Add(("x-mentions", "x", "Mentions", xCouncil));
        }
        sources.Add(("x-search", "x", "Search", "Leigh OR council OR LTC OR agenda OR grants OR library OR \"Bell Wharf\" OR \"Elm Road\" OR switch-on"));
        sources.Add(("x-accounts", "x", "AccountSearch", "Leigh Council LTC"));
        if (watch.OfficialId("facebook") is { } page)
        {
            sources.Add(("facebook-tagged", "facebook", "Mentions", page));
        }
        sources.Add(("facebook-accounts", "facebook", "AccountSearch", "Council"));
        // Keyword searches (here and for X above): the council's name and words residents use about its business.
        foreach (var word in new[] { "Leigh", "council", "agenda", "grants" })
        {
            sources.Add(($"bluesky-search-{word.ToLowerInvariant()}", "bluesky", "Search", word));
        }
        sources.Add(("bluesky-accounts", "bluesky", "AccountSearch", "Council"));
        if (watch.Official.FirstOrDefault(a => a.Platform == "mastodon") is { } toot)
        {
            sources.Add(("mastodon-mentions", "mastodon", "Mentions", toot.Handle));
        }
        foreach (var word in new[] { "Leigh", "council", "agenda" })
        {
            sources.Add(($"mastodon-search-{word.ToLowerInvariant()}", "mastodon", "Search", word));
        }
        sources.Add(("mastodon-accounts", "mastodon", "AccountSearch", "Council"));
        foreach (var (site, url) in platforms.Feeds)
        {
            sources.Add(($"rss-{site}", "rss", "NewsFeed", url.ToString()));
        }
        return sources;
    }

    /// <summary>Every 10 seconds, one line of what the pipeline has done so far.</summary>
    private static async Task ReportProgressAsync(NpgsqlDataSource db, CancellationToken ct)
    {
        const string Sql = "SELECT (SELECT count(*) FROM posts), (SELECT count(*) FROM accounts), (SELECT count(*) FROM flags), "
            + "(SELECT count(*) FROM alert_outbox WHERE status = 'sent')";
        while (true)
        {
            await Task.Delay(TimeSpan.FromSeconds(10), ct);
            try
            {
                await using var command = db.CreateCommand(Sql);
                await using var reader = await command.ExecuteReaderAsync(ct);
                await reader.ReadAsync(ct);
                Console.WriteLine(string.Create(System.Globalization.CultureInfo.InvariantCulture,
                    $"{DateTime.Now:HH:mm:ss}  {reader.GetInt64(0)} posts and {reader.GetInt64(1)} accounts stored; {reader.GetInt64(2)} flags; {reader.GetInt64(3)} alert emails sent"));
            }
            catch (NpgsqlException e)
            {
                Console.WriteLine($"(progress unavailable: {e.Message})");
            }
        }
    }

    private static void PrintGuide(DemoPlatforms platforms, string folder, string settingsFile, string connectionString, PrivatePostgres? postgres, MailCatcher? mail)
    {
        var served = string.Join(", ", platforms.Served.Select(p => $"{Label(p.Platform)} ({p.Records})"));
        var cli = "dotnet run --project src/SocialWatch.Worker --";
        var password = postgres is null ? "" : $"PGPASSWORD=\"$(cat {postgres.PasswordFile})\" ";
        var psql = new NpgsqlConnectionStringBuilder(connectionString);
        Console.WriteLine($"""

            SocialWatch demo is running: sample posts are being polled from loopback platform fakes every 5 seconds.

              Platforms   {served} sample records; half are there now, one more appears every 2 seconds
              Alerts      {(mail is null ? "go to the configured mail server (under Docker: the Mailpit inbox at http://localhost:8025)" : $"are written as .eml files to {mail.Folder}")}
              Flags       {cli} flags list --config {settingsFile}
              Sources     {cli} sources list --config {settingsFile}
              Health      {cli} health --config {settingsFile}
              SQL         {password}psql -h {psql.Host} -p {psql.Port} -U {psql.Username} {psql.Database} -c "SELECT flag_id, rule, severity, author_handle, left(post_text, 60) FROM flagged_posts ORDER BY flag_id"

            The commands above work while the demo runs (its database stops with it).
            Everything is kept in {folder}. Press Ctrl+C to stop.
            """);
    }

    private static string Label(string platform) => platform switch
    {
        "x" => "X",
        "facebook" => "Facebook",
        "bluesky" => "Bluesky",
        "mastodon" => "Mastodon",
        "rss" => "RSS",
        _ => platform,
    };
}
