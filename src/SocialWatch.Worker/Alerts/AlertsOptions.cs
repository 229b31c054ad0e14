using System.Net;
using Microsoft.Extensions.Options;
using MimeKit;
using Quartz;

namespace SocialWatch.Worker.Alerts;

/// <summary>How the SMTP connection is secured.</summary>
internal enum SmtpSecurity
{
    /// <summary>Plain connection upgraded with STARTTLS (port 587); refused if the server cannot.</summary>
    StartTls,

    /// <summary>TLS from the first byte (port 465).</summary>
    Tls,

    /// <summary>No encryption: only for a mail catcher on this machine.</summary>
    None,
}

/// <summary>
/// Section "Alerts". Email is sent only when <see cref="To"/> is set; then From and SmtpHost are
/// required too. Without To, flags and their alerts are still stored (the outbox keeps them) and go
/// out once To is configured. The password comes from the environment (Alerts__SmtpPassword) or a
/// secret file of that name, never from a committed settings file, and is never logged.
/// </summary>
internal sealed class AlertsOptions
{
    public const string Section = "Alerts";

    /// <summary>The Town Clerk's address (several separated by commas). Empty: no email is sent.</summary>
    public string To { get; set; } = "";

    public string From { get; set; } = "";

    public string SmtpHost { get; set; } = "";

    public int SmtpPort { get; set; } = 587;

    public SmtpSecurity Security { get; set; } = SmtpSecurity.StartTls;

    /// <summary>Permits Security None for a host that is not loopback (a mail catcher on the local network).</summary>
    public bool AllowInsecureSmtp { get; set; }

    /// <summary>A PEM file of the CA certificate(s) that signed the mail server's certificate, for a
    /// server whose certificate comes from the council's own CA rather than a public one. The chain must
    /// build to one of these and the name must match Alerts:SmtpHost; empty: the system's trusted CAs.</summary>
    public string TrustedCaFile { get; set; } = "";

    public string SmtpUser { get; set; } = "";

    public string SmtpPassword { get; set; } = "";

    /// <summary>How long one SMTP connect, login or send may take.</summary>
    public TimeSpan SmtpTimeout { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>How often pending alerts are looked for and sent.</summary>
    public TimeSpan SendEvery { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>When the digest of medium and low flags goes out: a Quartz cron (seconds first), read in <see cref="DigestTimeZone"/>.</summary>
    public string DigestCron { get; set; } = "0 0 8 ? * MON-FRI";

    public string DigestTimeZone { get; set; } = "Europe/London";

    /// <summary>Flags listed in one digest; the rest are counted ("and N more").</summary>
    public int DigestCap { get; set; } = 25;

    /// <summary>Attempts before an alert is marked failed. With the default back-off (30 s doubling to 30 min)
    /// 12 attempts span about three hours, so an hour-long mail outage loses nothing.</summary>
    public int MaxAttempts { get; set; } = 12;

    public TimeSpan RetryFirstDelay { get; set; } = TimeSpan.FromSeconds(30);

    public TimeSpan RetryMaxDelay { get; set; } = TimeSpan.FromMinutes(30);

    /// <summary>A source failing for longer than this is reported to the clerk, once per failing spell.</summary>
    public TimeSpan SourceFailingAlertAfter { get; set; } = TimeSpan.FromHours(6);

    /// <summary>A new flag of the same rule on an account whose earlier flag the clerk dismissed this
    /// recently is stored already dismissed, without an alert.</summary>
    public int DismissedSuppressionDays { get; set; } = 90;

    /// <summary>Linked from every email ("what this means"); empty leaves the link out.</summary>
    public string ClerkGuideUrl { get; set; } = "";

    /// <summary>How the clerk's emails name the command line (e.g. "socialwatch" or "docker exec socialwatch socialwatch").</summary>
    public string CommandHint { get; set; } = "socialwatch";

    public bool SendsEmail => !string.IsNullOrWhiteSpace(To);

    public InternetAddressList ToAddresses() => InternetAddressList.Parse(To);

    public MailboxAddress FromAddress() => MailboxAddress.Parse(From);

    /// <summary>The domain of the From address: the right-hand side of every Message-ID, so a resent
    /// alert keeps its Message-ID whichever machine sends it.</summary>
    public string MessageIdDomain()
    {
        var address = FromAddress().Address;
        var at = address.LastIndexOf('@');
        return at >= 0 && at < address.Length - 1 ? address[(at + 1)..] : "socialwatch.invalid";
    }

    /// <summary>The delay after the given failed attempt (1-based): doubling from RetryFirstDelay, capped.</summary>
    public TimeSpan RetryDelay(int attempt)
    {
        var factor = Math.Pow(2, Math.Clamp(attempt - 1, 0, 30));
        var delay = RetryFirstDelay.TotalSeconds * factor;
        return TimeSpan.FromSeconds(Math.Min(delay, RetryMaxDelay.TotalSeconds));
    }

    public TimeZoneInfo DigestZone() => TimeZoneInfo.FindSystemTimeZoneById(DigestTimeZone);
}

/// <summary>Start-up checks of the Alerts section; every message names the setting.</summary>
internal sealed class AlertsOptionsValidator : IValidateOptions<AlertsOptions>
{
    public ValidateOptionsResult Validate(string? name, AlertsOptions o)
    {
        var errors = new List<string>();
        if (o.SendsEmail)
        {
            if (!TryParse(() => o.ToAddresses()))
            {
                errors.Add("Alerts:To must be an email address or a comma-separated list of them");
            }
            if (string.IsNullOrWhiteSpace(o.From))
            {
                errors.Add("Alerts:From is required when Alerts:To is set (the sender address, e.g. socialwatch@leighonseatowncouncil.gov.uk)");
            }
            else if (!TryParse(() => o.FromAddress()))
            {
                errors.Add($"Alerts:From is not an email address (was '{o.From}')");
            }
            if (string.IsNullOrWhiteSpace(o.SmtpHost))
            {
                errors.Add("Alerts:SmtpHost is required when Alerts:To is set");
            }
            if (o.SmtpPort is < 1 or > 65535)
            {
                errors.Add($"Alerts:SmtpPort must be between 1 and 65535 (was {o.SmtpPort})");
            }
            if (o.Security == SmtpSecurity.None && !o.AllowInsecureSmtp && !IsLoopback(o.SmtpHost))
            {
                errors.Add($"Alerts:Security None sends the clerk's mail and the SMTP password unencrypted: it is allowed only for a loopback host (was '{o.SmtpHost}') or with Alerts:AllowInsecureSmtp true");
            }
            if (!string.IsNullOrEmpty(o.TrustedCaFile) && SmtpCertificateTrust.LoadProblem(o.TrustedCaFile) is { } caProblem)
            {
                errors.Add($"Alerts:TrustedCaFile {caProblem}");
            }
            if (!string.IsNullOrEmpty(o.SmtpUser) && string.IsNullOrEmpty(o.SmtpPassword))
            {
                errors.Add("Alerts:SmtpPassword is required when Alerts:SmtpUser is set (environment variable Alerts__SmtpPassword or a secret file of that name)");
            }
        }
        if (o.SmtpTimeout < TimeSpan.FromSeconds(1) || o.SmtpTimeout > TimeSpan.FromMinutes(10))
        {
            errors.Add($"Alerts:SmtpTimeout must be between 00:00:01 and 00:10:00 (was {o.SmtpTimeout})");
        }
        if (o.SendEvery < TimeSpan.FromSeconds(1) || o.SendEvery > TimeSpan.FromHours(1))
        {
            errors.Add($"Alerts:SendEvery must be between 00:00:01 and 01:00:00 (was {o.SendEvery})");
        }
        if (!Jobs.Cron.IsValid(o.DigestCron))
        {
            errors.Add($"Alerts:DigestCron '{o.DigestCron}' is not a valid Quartz cron expression (seconds minutes hours day-of-month month day-of-week)");
        }
        if (!TryParse(() => o.DigestZone()))
        {
            errors.Add($"Alerts:DigestTimeZone '{o.DigestTimeZone}' is not a known time zone (e.g. Europe/London)");
        }
        if (o.DigestCap is < 1 or > 1000)
        {
            errors.Add($"Alerts:DigestCap must be between 1 and 1000 (was {o.DigestCap})");
        }
        if (o.MaxAttempts is < 1 or > 100)
        {
            errors.Add($"Alerts:MaxAttempts must be between 1 and 100 (was {o.MaxAttempts})");
        }
        if (o.RetryFirstDelay < TimeSpan.FromSeconds(1) || o.RetryMaxDelay < o.RetryFirstDelay)
        {
            errors.Add($"Alerts:RetryFirstDelay must be at least 00:00:01 (was {o.RetryFirstDelay}) and Alerts:RetryMaxDelay at least RetryFirstDelay (was {o.RetryMaxDelay})");
        }
        if (o.SourceFailingAlertAfter < TimeSpan.Zero)
        {
            errors.Add("Alerts:SourceFailingAlertAfter must not be negative");
        }
        if (o.DismissedSuppressionDays is < 0 or > 3650)
        {
            errors.Add($"Alerts:DismissedSuppressionDays must be between 0 and 3650 (was {o.DismissedSuppressionDays})");
        }
        if (!string.IsNullOrEmpty(o.ClerkGuideUrl) && !(Uri.TryCreate(o.ClerkGuideUrl, UriKind.Absolute, out var guide) && guide.Scheme == Uri.UriSchemeHttps))
        {
            errors.Add("Alerts:ClerkGuideUrl must be an https URL");
        }
        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }

    internal static bool IsLoopback(string host) =>
        string.Equals(host, "localhost", StringComparison.OrdinalIgnoreCase)
        || (IPAddress.TryParse(host, out var ip) && IPAddress.IsLoopback(ip));

    private static bool TryParse(Func<object> parse)
    {
        try
        {
            parse();
            return true;
        }
        catch (Exception e) when (e is ParseException or FormatException or TimeZoneNotFoundException or InvalidTimeZoneException or ArgumentException)
        {
            return false;
        }
    }
}
