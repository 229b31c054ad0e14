namespace SocialWatch.Worker.Tests.Hostile;

/// <summary>
/// Nasty posts and profiles, each named for what it tries. Built in code (not copied blobs) so each
/// oddity is visible: Unicode tricks, characters PostgreSQL text refuses, huge texts, markup, header and
/// SQL injection attempts, floods of mentions and links.
/// </summary>
internal static class HostileCorpus
{
    public const string Rlo = "\u202E";

    public static IReadOnlyList<(string Name, string Text)> Posts { get; } =
    [
        ("zero-width characters", "Le\u200Bigh To\u200Cwn Co\u200Duncil\u2060 closes the\uFEFF library"),
        ("right-to-left override", "Invoice " + Rlo + "fdp.exe and \u2066isolated\u2069 \u200Fmarks\u200E"),
        ("combining marks (zalgo)", "L̸̡̛̩͎͖e̵͉̓͠i̶̬͛g̴̰̈́h̶̜͂ ̶T̸o̵w̷n̴ " + string.Concat(Enumerable.Repeat("e\u0301\u0302\u0303\u0304\u0305", 200))),
        ("emoji sequences", "👨‍👩‍👧‍👦 🏳️‍🌈 🇬🇧 👍🏽 1️⃣ 🧑🏿‍🤝‍🧑🏻 \U0001F600\U0001F9D1\u200D\U0001F4BB"),
        ("lone high surrogate", "broken \uD83D pair in the middle"),
        ("lone low surrogate", "\uDE00 starts broken"),
        ("reversed surrogate pair", "swapped \uDE00\uD83D pair"),
        ("trailing high surrogate", "ends broken \uD83D"),
        ("NUL characters", "before\0after\0\0end"),
        ("C0 and C1 controls and ANSI escapes", "bell\u0007 esc\u001b[31mred\u001b[0m del\u007F c1\u0085\u009B line\u2028para\u2029"),
        ("100 KB of text", "Leigh " + new string('x', 100_000)),
        ("100 KB of multi-byte text", string.Concat(Enumerable.Repeat("Ŀéïğĥ 🎄 ", 12_000))),
        ("HTML and script", "<script>alert(document.cookie)</script><img src=x onerror=alert(1)><iframe src=\"https://evil.example\"></iframe></td></tr></table>"),
        ("HTML entities and comments", "&lt;b&gt; &amp;amp; <!-- hidden --> <![CDATA[x]]> &#x202E; &#0;"),
        ("Markdown", "# Heading\n**bold** [click here](https://evil.example/login) ![track](https://evil.example/p.png)\n```\ncode\n```\n> quote"),
        ("header injection", "hello\r\nBcc: everyone@evil.example\r\nSubject: hijacked\r\n\r\nbody\nTo: other@evil.example"),
        ("bare CR and LF", "one\rtwo\nthree\r\n\r\nfour"),
        ("SQL-looking text", "Robert'); DROP TABLE posts; -- ' OR '1'='1 \\' $$; SELECT pg_sleep(10); $$ E'\\x00'"),
        ("JSON-looking text", "{\"text\": \"\\u0000\", \"id\": null} \\u0000 \\uD800 \\\\u0000 \" \\"),
        ("1,000 mentions", string.Join(' ', Enumerable.Range(0, 1000).Select(i => $"@user{i}"))),
        ("1,000 links", string.Join(' ', Enumerable.Range(0, 1000).Select(i => $"https://evil{i}.example/p?q={i}&x=<b>"))),
        ("homoglyphs", "Lеigh Tоwn Cоuncil (Cyrillic е and о) ｌｅｉｇｈ (fullwidth) 𝐋𝐞𝐢𝐠𝐡 (maths bold)"),
        ("only whitespace and invisibles", " \t \u00A0\u2003\u3000\u200B "),
        ("percent and format strings", "%s %d %n {0} {{1}} ${env:X__BearerToken} %00 %0d%0a"),
        ("very long word", new string('W', 20_000)),
    ];

    public static IReadOnlyList<(string Name, string Handle, string DisplayName, string Bio)> Profiles { get; } =
    [
        ("markup profile", "evil_markup", "<b>Leigh Town Council</b><script>x()</script>", "<img src=\"https://evil.example/t.png\"> Official"),
        ("header injection profile", "evil\r\nBcc: x@evil.example", "Leigh Town Council\r\nBcc: attacker@evil.example", "Bio\r\nSubject: hijacked"),
        ("bidi profile", "LeighTownCounci1", "Leigh " + Rlo + "licnuoC nwoT", "lanoitan" + Rlo + " \u2066x\u2069"),
        ("broken unicode profile", "bad\0handle", "Name \uD800 with \0 NUL", "Bio \uDFFF"),
        ("huge profile", "huge_profile", new string('N', 10_000), string.Concat(Enumerable.Repeat("bio 🎄 <i>x</i> ", 5_000))),
    ];
}
