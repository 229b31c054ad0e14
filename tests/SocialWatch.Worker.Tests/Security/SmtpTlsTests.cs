using System.Globalization;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using SocialWatch.Worker.Tests.Alerts;
using SocialWatch.Worker.Tests.Faults;
using SocialWatch.Worker.Tests.Production;
using static SocialWatch.Worker.Tests.Alerts.AlertTestKit;

namespace SocialWatch.Worker.Tests.Security;

/// <summary>
/// SMTP over TLS to a mail server whose certificate comes from the council's own CA: STARTTLS (587)
/// and TLS from the first byte (465), the CA trusted through Alerts:TrustedCaFile with validation on,
/// the SMTP password from a secret file. A server with a wrong certificate gets nothing (no login, no
/// message), the reason is recorded in words, and the alert waits until the server is put right.
/// </summary>
public sealed class SmtpTlsTests : IDisposable
{
    private const string SmtpUser = "socialwatch";
    private readonly string _folder = Directory.CreateTempSubdirectory("socialwatch-tls-").FullName;
    private readonly string _smtpPassword = "smtp-" + Guid.NewGuid().ToString("N");

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    public enum WrongCertificate
    {
        SignedByAnotherCa,
        ForAnotherName,
    }

    private static Dictionary<string, string?> WithTls(Dictionary<string, string?> settings, TlsSmtpServer smtp, string security, string caFile)
    {
        settings["Alerts:To"] = Clerk;
        settings["Alerts:From"] = "socialwatch@leigh.example";
        settings["Alerts:SmtpHost"] = "127.0.0.1";
        settings["Alerts:SmtpPort"] = smtp.Port.ToString(CultureInfo.InvariantCulture);
        settings["Alerts:Security"] = security;
        settings["Alerts:TrustedCaFile"] = caFile;
        settings["Alerts:SmtpUser"] = SmtpUser;
        settings["Alerts:SmtpTimeout"] = "00:00:05";
        return settings;
    }

    [Theory]
    [InlineData("StartTls")]
    [InlineData("Tls")]
    public async Task The_worker_sends_over_tls_to_a_server_certified_by_the_configured_ca_and_signs_in_with_the_secret_file_password(string security)
    {
        using var ca = TestCa.Create("Leigh Town Council IT CA");
        using var certificate = ca.Issue("localhost", "127.0.0.1");
        await using var smtp = TlsSmtpServer.Start(certificate, implicitTls: security == "Tls", SmtpUser, _smtpPassword);
        var db = await TestDatabase.CreateAsync();
        await FlaggedPostAsync(db);
        var settings = WithTls(TestHosts.Settings(db), smtp, security, ca.WritePem(Path.Combine(_folder, "council-ca.pem")));
        settings["Alerts:SendEvery"] = "00:00:01";
        settings["Health:InstanceFile"] = Path.Combine(_folder, "instance");
        using var worker = DeployedWorker.Create(settings, PasswordFrom.SecretFile);
        // The SMTP password as a Docker secret: a file in the secrets folder, nowhere in the environment.
        await File.WriteAllTextAsync(Path.Combine(worker.Environment[WorkerHost.SecretsDirectoryVariable]!, "Alerts__SmtpPassword"), _smtpPassword);
        Assert.DoesNotContain(worker.Environment.Values, v => v?.Contains(_smtpPassword, StringComparison.Ordinal) == true);

        using var run = worker.Start(["run"]);
        var delivered = await FaultScale.WaitUntilAsync(() => Task.FromResult(!smtp.Accepted.IsEmpty), TimeSpan.FromSeconds(90));
        var exit = await run.StopAsync(TimeSpan.FromSeconds(30));

        Assert.True(delivered, "no alert reached the mail server:\n" + run.Output);
        Assert.Equal(0, exit);
        var message = Assert.Single(smtp.Accepted);
        Assert.Equal(Clerk, message.To.Mailboxes.Single().Address);
        Assert.Equal([(SmtpUser, true, true)], smtp.Logins.Distinct());
        Assert.Equal("sent", await ScalarAsync<string>(db, "SELECT status FROM alert_outbox"));
        Assert.DoesNotContain(_smtpPassword, run.Output, StringComparison.Ordinal);
        worker.AssertClean("run", run.Output);
    }

    [Theory]
    [InlineData("StartTls", WrongCertificate.SignedByAnotherCa, "is not signed by a CA in Alerts:TrustedCaFile")]
    [InlineData("Tls", WrongCertificate.SignedByAnotherCa, "is not signed by a CA in Alerts:TrustedCaFile")]
    [InlineData("StartTls", WrongCertificate.ForAnotherName, "is not for the host name '127.0.0.1' in Alerts:SmtpHost")]
    [InlineData("Tls", WrongCertificate.ForAnotherName, "is not for the host name '127.0.0.1' in Alerts:SmtpHost")]
    public async Task A_wrong_certificate_is_refused_with_its_cause_and_the_alert_waits_until_the_server_is_right(string security, WrongCertificate wrong, string cause)
    {
        using var ca = TestCa.Create("Leigh Town Council IT CA");
        using var elsewhere = TestCa.Create("Somebody Else's CA");
        using var right = ca.Issue("localhost", "127.0.0.1");
        using var bad = wrong == WrongCertificate.SignedByAnotherCa ? elsewhere.Issue("localhost", "127.0.0.1") : ca.Issue("mail.elsewhere.example");
        await using var smtp = TlsSmtpServer.Start(bad, implicitTls: security == "Tls", SmtpUser, _smtpPassword);
        var db = await TestDatabase.CreateAsync();
        await FlaggedPostAsync(db);
        var settings = WithTls(Settings(db), smtp, security, ca.WritePem(Path.Combine(_folder, "council-ca.pem")));
        settings["Alerts:SmtpPassword"] = _smtpPassword;
        var time = new ManualTime();
        using var host = Host(settings, time);

        var refused = await host.Dispatcher().RunOnceAsync(CancellationToken.None);

        Assert.Equal(0, refused.Sent);
        Assert.Contains("certificate was refused", refused.Error, StringComparison.Ordinal);
        Assert.Contains(cause, refused.Error, StringComparison.Ordinal);
        Assert.Empty(smtp.Accepted);
        Assert.Empty(smtp.Logins);
        Assert.Equal("pending|1", await ScalarAsync<string>(db, "SELECT concat_ws('|', status, attempts) FROM alert_outbox"));
        Assert.Contains(cause, await ScalarAsync<string>(db, "SELECT last_error FROM alert_outbox"), StringComparison.Ordinal);

        // IT support installs the right certificate; after the back-off the alert goes, once.
        smtp.Certificate = right;
        time.Advance(TimeSpan.FromHours(1));
        var sent = await host.Dispatcher().RunOnceAsync(CancellationToken.None);
        time.Advance(TimeSpan.FromHours(1));
        var after = await host.Dispatcher().RunOnceAsync(CancellationToken.None);

        Assert.Equal(1, sent.Sent);
        Assert.Equal(0, after.Sent);
        Assert.Single(smtp.Accepted);
        Assert.Equal("sent", await ScalarAsync<string>(db, "SELECT status FROM alert_outbox"));
        Assert.All(smtp.Logins, l => Assert.True(l.Accepted && l.OverTls));
    }

    [Fact]
    public async Task A_trusted_ca_file_that_is_missing_or_holds_no_certificate_stops_start_up()
    {
        var empty = Path.Combine(_folder, "empty.pem");
        await File.WriteAllTextAsync(empty, "not a certificate\n");
        foreach (var (file, expected) in new[] { (Path.Combine(_folder, "missing.pem"), "cannot be read"), (empty, "holds no PEM certificate") })
        {
            var settings = Settings("Host=127.0.0.1;Database=never_opened");
            settings["Alerts:To"] = Clerk;
            settings["Alerts:From"] = "socialwatch@leigh.example";
            settings["Alerts:SmtpHost"] = "smtp.leigh.example";
            settings["Alerts:TrustedCaFile"] = file;
            using var host = Host(settings);
            var error = await Assert.ThrowsAsync<OptionsValidationException>(() => host.StartAsync());
            Assert.Contains(error.Failures, f => f.StartsWith("Alerts:TrustedCaFile", StringComparison.Ordinal) && f.Contains(expected, StringComparison.Ordinal));
        }
    }
}
