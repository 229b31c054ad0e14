using System.Text.RegularExpressions;
using MimeKit;

namespace SocialWatch.Worker.Tests.Hostile;

/// <summary>What "arrived inert" means for an alert email, checked the same way for the corpus and the properties.</summary>
internal static partial class EmailChecks
{
    // The only elements the alert templates write; anything else starting with '<' came from a stranger.
    [GeneratedRegex(@"<(?!(?:/?(?:div|p|span|h1|h2|table|tr|td|ul|li|a|br|html|head|body|meta|title)[\s>/])|!DOCTYPE html>)", RegexOptions.IgnoreCase)]
    private static partial Regex ForeignTag();

    [GeneratedRegex(@"href=""([^""]*)""")]
    private static partial Regex Href();

    public static bool IsDangerous(char c) =>
        c is '\0' or '\u001b' or '\u007f' || (c < 0x20 && c is not '\n' and not '\r' and not '\t')
        || c is (>= '\u202A' and <= '\u202E') or (>= '\u2066' and <= '\u2069') or '\u200E' or '\u200F' or '\u061C'
        || (c >= '\u0080' && c <= '\u009F');

    /// <summary>Subject one line without controls; the HTML has no element, attribute or link the
    /// templates did not write; neither part has a control or bidi character.</summary>
    public static void AssertInert(MimeMessage message)
    {
        var subject = message.Subject ?? "";
        Assert.DoesNotContain('\r', subject);
        Assert.DoesNotContain('\n', subject);
        AssertNoDangerous("subject", subject);
        Assert.Empty(message.Bcc);
        Assert.Empty(message.Cc);
        Assert.Single(message.To);
        Assert.Null(message.Headers["Bcc"]);

        var html = message.HtmlBody ?? "";
        Assert.NotEmpty(html);
        var foreign = ForeignTag().Match(html);
        Assert.False(foreign.Success, $"raw '<' in the HTML: {(foreign.Success ? html.Substring(foreign.Index, Math.Min(60, html.Length - foreign.Index)) : "")}");
        foreach (Match href in Href().Matches(html))
        {
            Assert.StartsWith("https://", href.Groups[1].Value, StringComparison.Ordinal);
        }
        Assert.DoesNotContain("javascript:", html, StringComparison.OrdinalIgnoreCase);
        AssertNoDangerous("HTML part", html);
        AssertNoDangerous("text part", message.TextBody ?? "");
    }

    private static void AssertNoDangerous(string part, string text)
    {
        var at = text.ToList().FindIndex(IsDangerous);
        Assert.True(at < 0, at < 0 ? "" : $"U+{(int)text[at]:X4} in the {part}: ...{text.Substring(Math.Max(0, at - 40), Math.Min(80, text.Length - Math.Max(0, at - 40)))}...");
    }

    /// <summary>The message as it goes over the wire, parsed back: still one Subject, one recipient, no Bcc.</summary>
    public static void AssertHeadersSurviveTheWire(MimeMessage message)
    {
        using var wire = new MemoryStream();
        var smtpFormat = FormatOptions.Default.Clone();
        smtpFormat.NewLineFormat = NewLineFormat.Dos;
        message.WriteTo(smtpFormat, wire);
        var raw = System.Text.Encoding.ASCII.GetString(wire.ToArray());
        var headerLines = raw[..raw.IndexOf("\r\n\r\n", StringComparison.Ordinal)].Split("\r\n");
        Assert.Single(headerLines, h => h.StartsWith("Subject:", StringComparison.OrdinalIgnoreCase));
        Assert.DoesNotContain(headerLines, h => h.StartsWith("Bcc:", StringComparison.OrdinalIgnoreCase) || h.StartsWith("Cc:", StringComparison.OrdinalIgnoreCase));
        wire.Position = 0;
        var back = MimeMessage.Load(wire);
        Assert.Single(back.To);
        Assert.Empty(back.Bcc);
        Assert.DoesNotContain('\n', back.Subject ?? "");
    }
}
