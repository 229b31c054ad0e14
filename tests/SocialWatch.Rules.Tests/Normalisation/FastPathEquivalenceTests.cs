using CsCheck;
using SocialWatch.Rules.Normalisation;

namespace SocialWatch.Rules.Tests.Normalisation;

/// <summary>The allocation-free fast paths give the same answers as the straightforward code they replace.</summary>
public sealed class FastPathEquivalenceTests
{
    // ASCII names and handles made of the pieces look-alikes are built from.
    private static readonly Gen<string> AsciiName = Gen.OneOf<string>(
            "Leigh", "Town", "Council", "LTC", "TC", "leigh", "town", "council", "Le1gh", "Counc1l", "CounciI", "I", "i", "l", "rn",
            "vv", "Tovvn", "Cornrnunity", "_", ".", "-", " ", "0", "1", "3", "4", "5", "7", "8", "9", "|", "!", "@", "$", "+", "Info",
            "UPDATES", "news", "Official", "HQ", "x", "Help", "desk", "ABC", "aB", "Ab")
        .Array[0, 12].Select(parts => string.Concat(parts));

    [Fact]
    public void Name_key_fast_path_equals_the_general_path() =>
        AsciiName.Sample(text => Assert.Equal(NameKey.OfGeneral(text), NameKey.Of(text)), iter: 5000);

    [Fact]
    public void Token_keys_on_the_stack_equal_the_token_list() =>
        AsciiName.Sample(text =>
        {
            Span<char> keys = stackalloc char[text.Length];
            Span<int> ends = stackalloc int[text.Length];
            var count = NameKey.TokenKeys(text, keys, ends);
            var fromSpans = new List<string>();
            for (var i = 0; i < count; i++)
            {
                var start = i == 0 ? 0 : ends[i - 1];
                fromSpans.Add(new string(keys[start..ends[i]]));
            }

            Assert.Equal(NameKey.Tokens(text), fromSpans);
        }, iter: 5000);

    private static readonly string[] Terms = ["sale", "car boot sale*", "close", "closing", "cut*", "not", "no change", "part 2", "🤫", "don't", "sell", "a"];

    private static readonly Gen<string> Text = Gen.OneOf<string>(
            "sale", "car boot ", "close", "closing", "closed", "cut", "cuts", "not", "no change", "part 2", "🤫", "don't", "sell", "a", " ",
            ".", "x", "2", "-", "'")
        .Array[0, 16].Select(parts => string.Concat(parts));

    [Fact]
    public void Lexicon_multi_term_search_finds_what_a_search_per_term_finds()
    {
        var lexicon = new Lexicon(Terms);
        Text.Sample(text =>
        {
            var expected = Reference(text);
            var first = lexicon.FindFirst(text);
            Assert.Equal(expected.Count > 0, lexicon.ContainsAny(text));
            Assert.Equal(expected.Count > 0 ? expected.Min(s => s.Start) : (int?)null, first?.Start);
            var all = lexicon.FindAll(text);
            Assert.All(expected, span => Assert.Contains(span, all));
        }, iter: 5000);
    }

    /// <summary>The previous algorithm: one ordinal search per term, word boundaries checked.</summary>
    private static List<TextSpan> Reference(string text)
    {
        var spans = new List<TextSpan>();
        foreach (var term in Terms)
        {
            var prefix = term.EndsWith('*');
            var word = prefix ? term[..^1] : term;
            var from = 0;
            while (from <= text.Length - word.Length)
            {
                var at = text.IndexOf(word, from, StringComparison.Ordinal);
                if (at < 0)
                {
                    break;
                }

                var end = at + word.Length;
                var startOk = !Lexicon.IsWordChar(word[0]) || at == 0 || !Lexicon.IsWordChar(text[at - 1]);
                var endOk = prefix || !Lexicon.IsWordChar(word[^1]) || end == text.Length || !Lexicon.IsWordChar(text[end]);
                if (startOk && endOk)
                {
                    while (prefix && end < text.Length && Lexicon.IsWordChar(text[end]))
                    {
                        end++;
                    }

                    spans.Add(new TextSpan(at, end - at, word));
                    from = at + word.Length;
                }
                else
                {
                    from = at + 1;
                }
            }
        }

        return spans;
    }
}
