using System.Net;
using System.Text;

namespace SocialWatch.Connectors.Http;

/// <summary>
/// HTML (Mastodon content, feed summaries) to the plain text the rules read: tags dropped, entities
/// decoded, paragraph and line breaks kept as newlines, script and style bodies dropped. Not an HTML
/// parser: it only has to be right for the small, sanitised HTML these platforms send, and never throw.
/// </summary>
internal static class HtmlText
{
    public static string ToPlain(string? html)
    {
        if (string.IsNullOrEmpty(html))
        {
            return "";
        }
        if (!html.Contains('<', StringComparison.Ordinal) && !html.Contains('&', StringComparison.Ordinal))
        {
            return html;
        }
        var text = new StringBuilder(html.Length);
        var i = 0;
        while (i < html.Length)
        {
            var c = html[i];
            if (c != '<')
            {
                text.Append(c);
                i++;
                continue;
            }
            var end = html.IndexOf('>', i + 1);
            var next = i + 1 < html.Length ? html[i + 1] : ' ';
            if (end < 0 || !(char.IsAsciiLetter(next) || next is '/' or '!'))
            {
                // A '<' that starts no tag is text ("1 < 2"), as in HTML.
                text.Append(c);
                i++;
                continue;
            }
            var tag = TagName(html.AsSpan(i + 1, end - i - 1), out var closing);
            if (!closing && (tag.Equals("script", StringComparison.OrdinalIgnoreCase) || tag.Equals("style", StringComparison.OrdinalIgnoreCase)))
            {
                var close = html.IndexOf("</" + tag, end, StringComparison.OrdinalIgnoreCase);
                i = close < 0 ? html.Length : Math.Max(end + 1, html.IndexOf('>', close) + 1);
                continue;
            }
            if (tag.Equals("br", StringComparison.OrdinalIgnoreCase))
            {
                text.Append('\n');
            }
            else if (IsBlock(tag) && text.Length > 0 && (closing || text[^1] != '\n'))
            {
                // Paragraphs become blank-line separated, as they read.
                text.Append(closing && tag.Equals("p", StringComparison.OrdinalIgnoreCase) ? "\n\n" : "\n");
            }
            i = end + 1;
        }
        var decoded = WebUtility.HtmlDecode(text.ToString());
        return Collapse(decoded);
    }

    private static string TagName(ReadOnlySpan<char> inner, out bool closing)
    {
        inner = inner.TrimStart();
        closing = inner.StartsWith("/");
        if (closing)
        {
            inner = inner[1..];
        }
        var length = 0;
        while (length < inner.Length && char.IsAsciiLetterOrDigit(inner[length]))
        {
            length++;
        }
        return inner[..length].ToString();
    }

    private static bool IsBlock(string tag) => tag.ToLowerInvariant() is "p" or "div" or "li" or "ul" or "ol" or "blockquote" or "h1" or "h2" or "h3" or "h4" or "h5" or "h6" or "tr" or "pre";

    /// <summary>No more than one blank line in a row, none at the ends; spaces inside lines untouched
    /// (they may be deliberate, and the rules normalise themselves).</summary>
    private static string Collapse(string text)
    {
        var lines = text.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n');
        var result = new StringBuilder(text.Length);
        var blank = 0;
        foreach (var raw in lines)
        {
            var line = raw.TrimEnd();
            if (line.Length == 0)
            {
                blank++;
                continue;
            }
            if (result.Length > 0)
            {
                result.Append(blank > 0 ? "\n\n" : "\n");
            }
            blank = 0;
            result.Append(line);
        }
        return result.ToString();
    }
}
