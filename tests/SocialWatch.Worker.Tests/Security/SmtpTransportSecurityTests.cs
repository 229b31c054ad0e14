using System.Net;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using SocialWatch.Worker.Tests.Faults;
using static SocialWatch.Worker.Tests.Alerts.AlertTestKit;

namespace SocialWatch.Worker.Tests.Security;

/// <summary>
/// SMTP is encrypted unless explicitly turned off for a local catcher, and the server's certificate is
/// validated. (The option rules themselves are unit-tested in Alerts/AlertsOptionsTests.
/// Unencrypted_smtp_is_only_for_loopback_or_when_explicitly_allowed; these show the running worker
/// keeps to them.)
/// </summary>
public sealed class SmtpTransportSecurityTests
{
    [Fact]
    public async Task A_server_that_does_not_offer_STARTTLS_gets_neither_the_message_nor_the_password()
    {
        await using var smtp = ScriptedSmtp.Start(advertiseAuth: true);
        var db = await TestDatabase.CreateAsync();
        await FlaggedPostAsync(db);
        var settings = SmtpFaultTests.WithScripted(Settings(db), smtp);
        settings["Alerts:Security"] = "StartTls";
        settings["Alerts:SmtpUser"] = "socialwatch";
        settings["Alerts:SmtpPassword"] = "never-sent-in-clear";
        using var host = Host(settings);

        var outcome = await host.Dispatcher().RunOnceAsync(CancellationToken.None);

        Assert.Equal(0, outcome.Sent);
        Assert.Contains("STARTTLS", outcome.Error, StringComparison.OrdinalIgnoreCase);
        Assert.Empty(smtp.Kept);
        Assert.DoesNotContain(smtp.Commands, c => c.StartsWith("AUTH", StringComparison.OrdinalIgnoreCase) || c.StartsWith("MAIL", StringComparison.OrdinalIgnoreCase));
        Assert.Equal("pending", await ScalarAsync<string>(db, "SELECT status FROM alert_outbox"));
    }

    [Fact]
    public async Task A_server_whose_certificate_is_not_trusted_is_refused()
    {
        using var certificate = SelfSigned();
        await using var smtp = ScriptedSmtp.Start(certificate);
        var db = await TestDatabase.CreateAsync();
        await FlaggedPostAsync(db);
        var settings = SmtpFaultTests.WithScripted(Settings(db), smtp);
        settings["Alerts:Security"] = "Tls";
        settings["Alerts:SmtpHost"] = "localhost";
        using var host = Host(settings);

        var outcome = await host.Dispatcher().RunOnceAsync(CancellationToken.None);

        Assert.Equal(0, outcome.Sent);
        Assert.Contains("SslHandshake", outcome.Error, StringComparison.Ordinal);
        Assert.Empty(smtp.Kept);
        Assert.Empty(smtp.Commands);
        Assert.Equal("pending", await ScalarAsync<string>(db, "SELECT status FROM alert_outbox"));
    }

    [Fact]
    public async Task Unencrypted_smtp_to_a_host_that_is_not_loopback_stops_start_up()
    {
        var settings = Settings("Host=127.0.0.1;Database=never_opened");
        settings["Alerts:To"] = Clerk;
        settings["Alerts:From"] = "socialwatch@leigh.example";
        settings["Alerts:SmtpHost"] = "smtp.leigh.example";
        settings["Alerts:Security"] = "None";
        using var host = Host(settings);
        var error = await Assert.ThrowsAsync<OptionsValidationException>(() => host.StartAsync());
        Assert.Contains(error.Failures, f => f.StartsWith("Alerts:Security", StringComparison.Ordinal));
    }

    private static X509Certificate2 SelfSigned()
    {
        using var key = RSA.Create(2048);
        var request = new CertificateRequest("CN=localhost", key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        var names = new SubjectAlternativeNameBuilder();
        names.AddDnsName("localhost");
        names.AddIpAddress(IPAddress.Loopback);
        request.CertificateExtensions.Add(names.Build());
        using var created = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddDays(1));
        // Round-trip through PFX so SslStream gets a certificate with a usable private key on every OS.
        return X509CertificateLoader.LoadPkcs12(created.Export(X509ContentType.Pfx), null);
    }
}
