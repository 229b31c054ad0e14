using SocialWatch.Worker.Alerts;

namespace SocialWatch.Worker.Tests.Alerts;

/// <summary>A bad Alerts setting stops start-up with a message naming it.</summary>
public sealed class AlertsOptionsTests
{
    private static AlertsOptions Valid() => new()
    {
        To = "clerk@leigh.example", From = "socialwatch@leigh.example", SmtpHost = "smtp.leigh.example",
        SmtpUser = "socialwatch", SmtpPassword = "secret",
    };

    private static IEnumerable<string> Errors(AlertsOptions o) => new AlertsOptionsValidator().Validate(null, o).Failures ?? [];

    [Fact]
    public void Defaults_and_a_complete_configuration_are_valid()
    {
        Assert.Empty(Errors(new AlertsOptions()));
        Assert.Empty(Errors(Valid()));
    }

    [Fact]
    public void Each_problem_names_its_setting()
    {
        Assert.Contains(Errors(new AlertsOptions { To = "clerk@leigh.example" }), e => e.StartsWith("Alerts:From", StringComparison.Ordinal));
        Assert.Contains(Errors(new AlertsOptions { To = "clerk@leigh.example" }), e => e.StartsWith("Alerts:SmtpHost", StringComparison.Ordinal));
        var o = Valid();
        o.SmtpPassword = "";
        Assert.Contains(Errors(o), e => e.StartsWith("Alerts:SmtpPassword", StringComparison.Ordinal));
        o = Valid();
        o.DigestCron = "every morning";
        Assert.Contains(Errors(o), e => e.StartsWith("Alerts:DigestCron", StringComparison.Ordinal));
        o = Valid();
        o.DigestTimeZone = "Leigh/Marshes";
        Assert.Contains(Errors(o), e => e.StartsWith("Alerts:DigestTimeZone", StringComparison.Ordinal));
        Assert.DoesNotContain(Errors(o), e => e.Contains("secret", StringComparison.Ordinal));
    }

    [Fact]
    public void Unencrypted_smtp_is_only_for_loopback_or_when_explicitly_allowed()
    {
        var o = Valid();
        o.Security = SmtpSecurity.None;
        Assert.Contains(Errors(o), e => e.StartsWith("Alerts:Security", StringComparison.Ordinal));
        o.SmtpHost = "127.0.0.1";
        Assert.Empty(Errors(o));
        o.SmtpHost = "mailcatcher.lan";
        o.AllowInsecureSmtp = true;
        Assert.Empty(Errors(o));
    }

    [Fact]
    public void The_default_back_off_keeps_retrying_well_past_an_hour()
    {
        var o = new AlertsOptions();
        var total = Enumerable.Range(1, o.MaxAttempts - 1).Aggregate(TimeSpan.Zero, (sum, attempt) => sum + o.RetryDelay(attempt));
        Assert.True(total > TimeSpan.FromHours(2), $"retries span only {total}");
        Assert.Equal(TimeSpan.FromMinutes(30), o.RetryDelay(20));
        Assert.Equal(TimeSpan.FromSeconds(30), o.RetryDelay(1));
    }
}
