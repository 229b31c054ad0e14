namespace SocialWatch.Worker.Cli;

/// <summary>Plain aligned columns for the terminal.</summary>
internal static class TextTable
{
    public static void Write(TextWriter output, IReadOnlyList<string> headers, IEnumerable<string[]> rows, int maxColumnWidth = 60)
    {
        var all = rows.Select(r => r.Select(c => Shorten(OneLine(c), maxColumnWidth)).ToArray()).ToList();
        var widths = headers.Select((h, i) => Math.Max(h.Length, all.Count == 0 ? 0 : all.Max(r => r[i].Length))).ToArray();
        output.WriteLine(string.Join("  ", headers.Select((h, i) => h.PadRight(widths[i]))).TrimEnd());
        output.WriteLine(string.Join("  ", widths.Select(w => new string('-', w))));
        foreach (var row in all)
        {
            output.WriteLine(string.Join("  ", row.Select((c, i) => c.PadRight(widths[i]))).TrimEnd());
        }
        if (all.Count == 0)
        {
            output.WriteLine("(none)");
        }
    }

    private static string OneLine(string text) => text.ReplaceLineEndings(" ");

    private static string Shorten(string text, int max) => text.Length <= max ? text : text[..(max - 1)] + "…";
}
