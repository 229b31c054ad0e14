using System.Globalization;
using SocialWatch.Worker.Alerts;

namespace SocialWatch.Worker.Web.Pages;

/// <summary>How the pages write times, rules and text from strangers. Razor already HTML-encodes every
/// value; on top, bidi and control characters are shown as visible "[U+202E]" marks so that a post
/// cannot reorder or hide what the clerk reads.</summary>
internal static class PageText
{
    private static readonly CultureInfo English = CultureInfo.GetCultureInfo("en-GB");

    public static string Shown(string? value) => Untrusted.Text(value);

    public static string ShownLine(string? value, int max = 200) => Untrusted.Line(value, max);

    public static string When(DateTime utc, TimeZoneInfo zone) =>
        TimeZoneInfo.ConvertTimeFromUtc(DateTime.SpecifyKind(utc, DateTimeKind.Utc), zone).ToString("ddd d MMM yyyy, HH:mm", English);

    public static string What(string rule, string platform) => ClerkAdvice.For(rule, platform).Headline;

    public static string Platform(string platform) => ClerkAdvice.PlatformName(platform);

    public static string Status(string status) => status switch
    {
        "open" => "Open",
        "acknowledged" => "Acknowledged",
        "actioned" => "Action taken",
        "dismissed" => "False alarm",
        _ => status,
    };

    /// <summary>At most <paramref name="max"/> characters, never cutting a surrogate pair: a 100 KB post
    /// would make the page slow on a phone, and the export keeps the whole text.</summary>
    public static string Shortened(string text, int max) =>
        text.Length <= max ? text : text[..(char.IsHighSurrogate(text[max - 1]) ? max - 1 : max)];

    /// <summary>A link to the post only when it is an https address; otherwise none.</summary>
    public static string? PostLink(string? url) => Untrusted.HttpsLink(url)?.AbsoluteUri;
}
