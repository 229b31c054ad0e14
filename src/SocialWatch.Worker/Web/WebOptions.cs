using System.ComponentModel.DataAnnotations;

namespace SocialWatch.Worker.Web;

/// <summary>The review page ("Web" section): where it listens, the address emails link to, and how
/// sign-in defends itself.</summary>
internal sealed class WebOptions
{
    public const string SectionName = "Web";

    /// <summary>Serve the review page from this worker. Off by default: a council switches it on where
    /// one worker (or each, behind a proxy) should answer the clerk's browser.</summary>
    public bool Enabled { get; set; }

    /// <summary>Where Kestrel listens, e.g. "http://0.0.0.0:8080" (several separated by ';').</summary>
    [Required]
    public string Urls { get; set; } = "http://127.0.0.1:8080";

    /// <summary>The page's address as the clerk's browser reaches it (through a proxy, usually https);
    /// alert emails link to BaseUrl/flags/ID. Empty: emails carry no link to the page.</summary>
    public string BaseUrl { get; set; } = "";

    /// <summary>Wrong passwords in a row that lock a login.</summary>
    [Range(1, 100)]
    public int LockoutFailures { get; set; } = 5;

    /// <summary>How long a locked login stays locked.</summary>
    [Range(typeof(TimeSpan), "00:00:10", "7.00:00:00")]
    public TimeSpan LockoutDuration { get; set; } = TimeSpan.FromMinutes(15);

    /// <summary>Sign-in attempts accepted per minute from one address (more get 429), whatever the name.</summary>
    [Range(1, 1000)]
    public int SignInAttemptsPerMinute { get; set; } = 10;

    /// <summary>How long a sign-in lasts without use.</summary>
    [Range(typeof(TimeSpan), "00:01:00", "1.00:00:00")]
    public TimeSpan SessionLifetime { get; set; } = TimeSpan.FromHours(8);

    /// <summary>The database role the page reads flags as (SET LOCAL ROLE in each transaction).</summary>
    [Required, RegularExpression("^[a-z_][a-z0-9_]{0,62}$")]
    public string ClerkRole { get; set; } = "socialwatch_clerk";

    /// <summary>The link to a flag's page, or null when BaseUrl is not set.</summary>
    public Uri? FlagLink(long flagId) =>
        Uri.TryCreate(BaseUrl.TrimEnd('/') + "/flags/" + flagId.ToString(System.Globalization.CultureInfo.InvariantCulture), UriKind.Absolute, out var uri)
        && (uri.Scheme == Uri.UriSchemeHttps || uri.Scheme == Uri.UriSchemeHttp) && BaseUrl.Length > 0 ? uri : null;

    internal static IEnumerable<string> Check(WebOptions o)
    {
        if (o.BaseUrl.Length > 0 && !(Uri.TryCreate(o.BaseUrl, UriKind.Absolute, out var b) && (b.Scheme == Uri.UriSchemeHttps || b.Scheme == Uri.UriSchemeHttp)))
        {
            yield return $"Web:BaseUrl must be an absolute http(s) address such as https://socialwatch.example.org (was '{o.BaseUrl}')";
        }
        foreach (var url in o.Urls.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            if (!Uri.TryCreate(url.Replace("*", "0.0.0.0", StringComparison.Ordinal).Replace("+", "0.0.0.0", StringComparison.Ordinal), UriKind.Absolute, out var u) || u.Scheme is not ("http" or "https"))
            {
                yield return $"Web:Urls: '{url}' is not an http(s) address such as http://0.0.0.0:8080";
            }
        }
    }
}
