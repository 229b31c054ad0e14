using System.Globalization;
using System.Net;
using System.Text;
using System.Text.RegularExpressions;

namespace SocialWatch.Worker.Alerts;

/// <summary>
/// Makes text written by strangers (post text, names, bios, evidence) safe to show the clerk: in an
/// email's HTML and plain-text parts, in its Subject, and on a terminal. A post cannot add markup,
/// links, headers or terminal escapes, and cannot reorder what the clerk reads with bidi controls.
/// </summary>
internal static partial class Untrusted
{
    /// <summary>Bidirectional controls that reorder the text after them (U+202A–202E, U+2066–2069) and
    /// the invisible marks around them: shown as visible escapes like "[U+202E]".</summary>
    public static bool IsBidiControl(int c) => c is (>= 0x202A and <= 0x202E) or (>= 0x2066 and <= 0x2069) or 0x200E or 0x200F or 0x061C;

    /// <summary>Visible text: bidi controls and control characters (C0 but newline and tab, DEL, C1,
    /// line/paragraph separators) become "[U+XXXX]"; lone surrogates become U+FFFD. Newlines are kept
    /// when <paramref name="keepNewlines"/>, otherwise turned into spaces.</summary>
    public static string Text(string? value, bool keepNewlines = true)
    {
        if (string.IsNullOrEmpty(value))
        {
            return "";
        }
        var s = new StringBuilder(value.Length);
        foreach (var rune in value.Replace("\r\n", "\n", StringComparison.Ordinal).EnumerateRunes())
        {
            var c = rune.Value;
            if (c is '\n' or '\r')
            {
                s.Append(keepNewlines ? '\n' : ' ');
            }
            else if (c == '\t')
            {
                s.Append(keepNewlines ? '\t' : ' ');
            }
            else if (IsBidiControl(c) || c < 0x20 || c is (>= 0x7F and <= 0x9F) or 0x2028 or 0x2029 or 0xFEFF)
            {
                s.Append("[U+").Append(c.ToString("X4", CultureInfo.InvariantCulture)).Append(']');
            }
            else
            {
                s.Append(rune.ToString());
            }
        }
        return s.ToString();
    }

    /// <summary>One line, at most <paramref name="max"/> characters: for the Subject and table cells.</summary>
    public static string Line(string? value, int max)
    {
        var line = WhiteSpace().Replace(Text(value, keepNewlines: false), " ").Trim();
        return line.Length <= max ? line : line[..(max - 1)].TrimEnd() + "…";
    }

    /// <summary>
    /// Quoted post text with web addresses defanged ("example[.]com", "https[:]//"): mail clients turn
    /// anything that looks like an address into a link, and the only link in an alert is meant to be the
    /// post itself.
    /// </summary>
    public static string Quote(string? value, int max = 2000)
    {
        var text = Text(value);
        if (text.Length > max)
        {
            text = text[..max] + "… (shortened; the full text is in flags show)";
        }
        text = Scheme().Replace(text, m => m.Groups[1].Value + "[:]//");
        text = Host().Replace(text, m => m.Value.Replace(".", "[.]", StringComparison.Ordinal));
        // An address (name@host, a Mastodon handle) is linkified as mailto: even with its dots defanged
        // by some clients: its @ is defanged too.
        return MailAt().Replace(text, "[@]");
    }

    /// <summary>One defanged line: names, handles, bios and evidence values in an email.</summary>
    public static string Name(string? value, int max) => Line(Quote(value, max * 2), max);

    /// <summary>An account handle on one line, defanged: "name@instance.social" (Mastodon) becomes
    /// "name[@]instance[.]social", which no mail client turns into a mailto: link.</summary>
    public static string Handle(string? value, int max) => Name(value, max);

    /// <summary>HTML-encoded visible text, newlines as line breaks.</summary>
    public static string Html(string? visible) =>
        WebUtility.HtmlEncode(visible ?? "").Replace("\n", "<br>\n", StringComparison.Ordinal);

    /// <summary>The post's own address if, and only if, it is an absolute https URL; else null (no link).</summary>
    public static Uri? HttpsLink(string? url) =>
        Uri.TryCreate(url, UriKind.Absolute, out var uri) && uri.Scheme == Uri.UriSchemeHttps && string.IsNullOrEmpty(uri.UserInfo) ? uri : null;

    // An @ between a name and a host: "jo@example", "ltc@mastodon[.]social"; a leading "@handle" is left alone.
    [GeneratedRegex(@"(?<=[\p{L}\p{N}._%+-])@(?=[\p{L}\p{N}-])")]
    private static partial Regex MailAt();

    [GeneratedRegex(@"\s+")]
    private static partial Regex WhiteSpace();

    [GeneratedRegex(@"(?i)\b([a-z][a-z0-9+.-]{1,15}):(?://|\\\\)")]
    private static partial Regex Scheme();

    // A host name: labels joined by dots, ending in a label of letters (example.com, www.leigh.gov.uk).
    [GeneratedRegex(@"(?i)\b(?:[a-z0-9](?:[a-z0-9-]{0,62})\.)+[a-z]{2,24}\b")]
    private static partial Regex Host();
}
