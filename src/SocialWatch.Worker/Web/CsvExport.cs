using System.Globalization;
using System.Text;

namespace SocialWatch.Worker.Web;

/// <summary>
/// The list as CSV for a spreadsheet. Every field is quoted, and a field that a spreadsheet would read
/// as a formula (starting with = + - @, tab or carriage return, also after leading spaces) gets a
/// leading apostrophe, so opening the file runs nothing a stranger wrote (OWASP "CSV injection").
/// </summary>
internal static class CsvExport
{
    private static readonly string[] Header =
    [
        "flag", "flagged_at_utc", "status", "rule", "severity", "platform", "handle", "display_name", "posted_at_utc", "post_url",
        "post_text", "reviewed_by", "reviewed_at_utc", "review_note",
    ];

    public static string Write(IEnumerable<FlagRow> rows)
    {
        var csv = new StringBuilder();
        Line(csv, Header);
        foreach (var r in rows)
        {
            Line(csv,
            [
                r.FlagId.ToString(CultureInfo.InvariantCulture), Time(r.FlaggedAt), r.Status, r.Rule, r.Severity, r.Platform,
                r.AuthorHandle, r.AuthorName, r.PostedAt is { } p ? Time(p) : "", r.Url ?? "", r.PostText ?? "",
                r.ReviewedBy ?? "", r.ReviewedAt is { } at ? Time(at) : "", r.ReviewNote ?? "",
            ]);
        }
        return csv.ToString();
    }

    internal static string Field(string value)
    {
        var clean = value.Replace("\0", "", StringComparison.Ordinal);
        var trimmed = clean.TrimStart(' ', '\u00A0');
        if (trimmed.Length > 0 && trimmed[0] is '=' or '+' or '-' or '@' or '\t' or '\r' or '\n' or '|' or '%')
        {
            clean = "'" + clean;
        }
        return "\"" + clean.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";
    }

    private static void Line(StringBuilder csv, IEnumerable<string> fields) =>
        csv.Append(string.Join(',', fields.Select(Field))).Append("\r\n");

    private static string Time(DateTime utc) => utc.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture);
}
