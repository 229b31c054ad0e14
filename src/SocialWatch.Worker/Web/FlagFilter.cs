using System.Globalization;

namespace SocialWatch.Worker.Web;

/// <summary>What the clerk narrows the list to; every part optional. Bound from the query string, so a
/// filtered list is a link she can bookmark and the CSV export shows exactly the same rows.</summary>
internal sealed class FlagFilter
{
    public static readonly string[] Statuses = ["open", "acknowledged", "actioned", "dismissed"];
    public static readonly string[] Rules = ["impersonation", "misrepresentation", "confidential_leak"];
    public static readonly string[] Platforms = ["x", "facebook", "bluesky", "mastodon", "rss"];

    /// <summary>"open" by default; "any" for every status.</summary>
    public string? Status { get; set; }

    public string? Rule { get; set; }

    public string? Platform { get; set; }

    /// <summary>First day flagged (UK date, inclusive).</summary>
    public DateOnly? From { get; set; }

    /// <summary>Last day flagged (inclusive).</summary>
    public DateOnly? To { get; set; }

    /// <summary>Part of the account's @handle or display name.</summary>
    public string? Account { get; set; }

    public string EffectiveStatus => Status is { Length: > 0 } s && (s == "any" || Statuses.Contains(s)) ? s : "open";

    /// <summary>The same filter as a query string, for the export link.</summary>
    public string QueryString()
    {
        var parts = new List<string> { "status=" + Uri.EscapeDataString(EffectiveStatus) };
        Add(parts, "rule", Rule);
        Add(parts, "platform", Platform);
        Add(parts, "from", From?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        Add(parts, "to", To?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        Add(parts, "account", Account);
        return "?" + string.Join('&', parts);
    }

    private static void Add(List<string> parts, string name, string? value)
    {
        if (!string.IsNullOrWhiteSpace(value))
        {
            parts.Add(name + "=" + Uri.EscapeDataString(value.Trim()));
        }
    }
}
