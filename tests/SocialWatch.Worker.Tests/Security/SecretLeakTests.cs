using System.Diagnostics;
using System.Globalization;
using System.Text;
using System.Text.Json;
using Dapper;
using Npgsql;
using SocialWatch.Fakes.Mastodon;
using SocialWatch.Fakes.X;
using SocialWatch.Worker.Tests.Alerts;
using SocialWatch.Worker.Tests.Faults;

namespace SocialWatch.Worker.Tests.Security;

/// <summary>
/// Known secret values in every place a secret can be configured (environment variables, as Docker
/// passes them), then a full run of the real binary with JSON logs: a poll the platform refuses (wrong
/// token), another platform's refusal, an alert send whose SMTP login is refused. Every byte the
/// process writes to stdout and stderr, and every error it records in the database, is searched for
/// each secret (and for the base64 forms SMTP AUTH uses); none may appear. The database password is
/// the test server's real one (it asks for it), given as a deployment gives it: Database__Password
/// beside a connection string that holds another, wrong, password, which Database:Password replaces.
/// </summary>
[Collection(HeavyProcesses.Name)]
public sealed class SecretLeakTests
{
    private static readonly string Marker = Guid.NewGuid().ToString("N")[..10];

    private static readonly Dictionary<string, string> Secrets = new()
    {
        ["X__BearerToken"] = "xbearer-" + Marker,
        ["X__OwnedUserToken"] = "xowned-" + Marker,
        ["Alerts__SmtpPassword"] = "smtppassword-" + Marker,
        ["Mastodon__AccessToken"] = "mastodontoken-" + Marker,
        ["Facebook__PageAccessToken"] = "fbpagetoken-" + Marker,
        ["Facebook__SearchAccessToken"] = "fbsearchtoken-" + Marker,
        ["Bluesky__AppPassword"] = "bskyapppassword-" + Marker,
    };

    private const string ConnectionStringPasswordKey = "connection-string password";
    private static readonly string ConnectionStringPassword = "connstrpassword-" + Marker;

    [Fact]
    public async Task No_secret_appears_in_any_log_line_or_recorded_error_of_a_full_run()
    {
        await using var x = await XFake.StartAsync(bearerToken: "the-token-x-expects");
        x.AddUser(new XFakeUser(TestHosts.OfficialXId, "LeighTownCouncil", "Leigh Town Council"));
        x.Post(TestHosts.OfficialXId, "A notice");
        await using var mastodon = await MastodonFake.StartAsync(accessToken: "the-token-mastodon-expects");
        mastodon.AddAccount(new MastodonFakeAccount("1", "leightowncouncil", "Leigh Town Council"));
        await using var smtp = ScriptedSmtp.Start(advertiseAuth: true);
        smtp.Behaviour = SmtpBehaviour.RefuseAuth;

        var db = await TestDatabase.CreateAsync();
        await AlertTestKit.FlaggedPostAsync(db);
        // The server asks for its password: the worker only gets in (and gets this far) with the real one.
        var settings = TestHosts.Settings(db).WithXSource(x, every: "00:00:02");
        var databasePassword = settings["Database:Password"]!;
        settings["Database:ConnectionString"] = new NpgsqlConnectionStringBuilder(settings["Database:ConnectionString"]) { Password = ConnectionStringPassword }.ConnectionString;
        settings["Mastodon:BaseUrl"] = mastodon.Server.BaseAddress.ToString();
        settings["Sources:1:Name"] = "mastodon-mentions";
        settings["Sources:1:Platform"] = "mastodon";
        settings["Sources:1:Kind"] = "Mentions";
        settings["Sources:1:Target"] = "leightowncouncil";
        settings["Sources:1:Every"] = "00:00:02";
        settings["Alerts:To"] = AlertTestKit.Clerk;
        settings["Alerts:From"] = "socialwatch@leigh.example";
        settings["Alerts:SmtpHost"] = "127.0.0.1";
        settings["Alerts:SmtpPort"] = smtp.Port.ToString(CultureInfo.InvariantCulture);
        settings["Alerts:Security"] = "None";
        settings["Alerts:SmtpUser"] = "socialwatch";
        settings["Alerts:SendEvery"] = "00:00:01";
        settings["Alerts:SmtpTimeout"] = "00:00:05";
        settings["Health:InstanceFile"] = Path.Combine(Path.GetTempPath(), "socialwatch-leak-" + Marker);
        var environment = WorkerProcess.AsEnvironment(settings);
        foreach (var (key, value) in Secrets)
        {
            environment[key] = value;
        }
        // Everything on: the most the worker would ever log.
        environment["Logging__LogLevel__Default"] = "Trace";

        var outputs = new List<(string What, string Text)>();
        using (var worker = WorkerProcess.Start(["run"], environment))
        {
            var stdout = worker.StandardOutput.ReadToEndAsync();
            var stderr = worker.StandardError.ReadToEndAsync();
            var everythingHappened = await FaultScale.WaitUntilAsync(async () =>
                await ScalarAsync<long>(db, "SELECT count(*) FROM source_cursors WHERE last_error IS NOT NULL") >= 2
                && await ScalarAsync<long>(db, "SELECT count(*) FROM alert_outbox WHERE last_error IS NOT NULL") >= 1,
                TimeSpan.FromSeconds(60));
            // A polite stop (SIGTERM), so the console logger flushes everything it queued.
            using (var term = Process.Start("kill", ["-TERM", worker.Id.ToString(CultureInfo.InvariantCulture)]))
            {
                await term.WaitForExitAsync();
            }
            using var patience = new CancellationTokenSource(TimeSpan.FromSeconds(30));
            try
            {
                await worker.WaitForExitAsync(patience.Token);
            }
            catch (OperationCanceledException)
            {
                worker.Kill();
            }
            outputs.Add(("run stdout", await stdout));
            outputs.Add(("run stderr", await stderr));
            Assert.True(everythingHappened, $"the run did not reach every failure:\n{outputs[0].Text[..Math.Min(4000, outputs[0].Text.Length)]}\n{outputs[1].Text}");
        }

        // The one-shot verbs an operator runs with the same environment.
        foreach (var verb in new[] { new[] { "migrate" }, ["poll", "--source", "x-official"], ["sources", "list"], ["health"], ["flags", "list"] })
        {
            var result = await WorkerProcess.RunAsync(verb, environment, TimeSpan.FromSeconds(60));
            outputs.Add((string.Join(' ', verb) + " stdout", result.Output));
            outputs.Add((string.Join(' ', verb) + " stderr", result.Error));
        }
        await using (var connection = new NpgsqlConnection(db))
        {
            foreach (var sql in new[]
            {
                "SELECT string_agg(coalesce(last_error, ''), ' | ') FROM source_cursors",
                "SELECT string_agg(coalesce(last_error, ''), ' | ') FROM alert_outbox",
            })
            {
                outputs.Add((sql, await connection.ExecuteScalarAsync<string>(sql) ?? ""));
            }
        }

        // The failures really happened, and were logged: otherwise there would be nothing to leak.
        var runLog = outputs[0].Text;
        Assert.Contains("refused the token", runLog, StringComparison.Ordinal);
        Assert.Contains("535", outputs.Single(o => o.What.Contains("alert_outbox", StringComparison.Ordinal)).Text, StringComparison.Ordinal);
        // The secrets really reached where they are used: the SMTP password went to the server (base64, in AUTH).
        Assert.Contains(smtp.Commands, c => Forms(Secrets["Alerts__SmtpPassword"]).Skip(1).Any(f => c.Contains(f, StringComparison.Ordinal)));
        // stdout is one JSON object per line, as log collectors expect.
        foreach (var line in runLog.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            using var _ = JsonDocument.Parse(line);
        }

        foreach (var (what, text) in outputs)
        {
            // Npgsql trying GSS encryption prints this in the container (no Kerberos library there).
            Assert.False(text.Contains("libgssapi", StringComparison.Ordinal), $"{what} mentions the Kerberos library");
        }
        var all = Secrets
            .Append(new KeyValuePair<string, string>(ConnectionStringPasswordKey, ConnectionStringPassword))
            .Append(new KeyValuePair<string, string>("Database__Password", databasePassword));
        foreach (var (name, secret) in all)
        {
            foreach (var form in Forms(secret))
            {
                foreach (var (what, text) in outputs)
                {
                    Assert.False(text.Contains(form, StringComparison.Ordinal), $"{name} appears in {what}");
                }
            }
        }
    }

    /// <summary>The secret, its base64 (AUTH LOGIN) and SMTP AUTH PLAIN's base64 of "\0user\0secret".</summary>
    private static IEnumerable<string> Forms(string secret) =>
    [
        secret,
        Convert.ToBase64String(Encoding.UTF8.GetBytes(secret)),
        Convert.ToBase64String(Encoding.UTF8.GetBytes("\0socialwatch\0" + secret)),
    ];

    private static async Task<T> ScalarAsync<T>(string db, string sql)
    {
        await using var connection = new NpgsqlConnection(db);
        return (await connection.ExecuteScalarAsync<T>(sql))!;
    }
}
