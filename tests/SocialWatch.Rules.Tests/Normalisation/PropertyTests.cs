using CsCheck;
using SocialWatch.Rules.Leaks;
using SocialWatch.Rules.Normalisation;

namespace SocialWatch.Rules.Tests.Normalisation;

/// <summary>No parser or normaliser throws on any string: lone surrogates, NUL, controls, any script.</summary>
public sealed class PropertyTests
{
    // Any UTF-16 code unit (lone surrogates and NUL included), mixed with fragments the parsers look for.
    private static readonly Gen<string> AnyText = Gen.OneOf(
        Gen.Char[char.MinValue, char.MaxValue].Array[0, 80].Select(chars => new string(chars)),
        Gen.OneOf<string>("£", "48.5k", "fifty grand", " forty-eight thousand pounds", "07700 900", "@", "ss9 1sp", "ab 12 34 56 c",
                "943 476 5919", "part 2", "council", "\u200B", "\u202E", "\0", "\uD800", "\uDC00", "🎄", "e\u0301", "Ｌ", "і", " ", "1", ",", ".")
            .Array[0, 20].Select(parts => string.Concat(parts)));

    private static readonly Classifier Classifier = TestData.Classifier();

    [Fact]
    public void Folding_never_throws_and_never_keeps_lone_surrogates_or_nul() =>
        AnyText.Sample(text =>
        {
            var folded = TextFolding.Fold(text);
            Assert.DoesNotContain('\0', folded);
            for (var i = 0; i < folded.Length; i++)
            {
                if (char.IsHighSurrogate(folded[i]))
                {
                    Assert.True(i + 1 < folded.Length && char.IsLowSurrogate(folded[i + 1]));
                    i++;
                }
                else
                {
                    Assert.False(char.IsLowSurrogate(folded[i]));
                }
            }

            for (var offset = 0; offset <= folded.Length; offset++)
            {
                Assert.InRange(TextFolding.ToOriginalOffset(text, offset), 0, text.Length);
            }
        });

    [Fact]
    public void Folding_is_idempotent() =>
        AnyText.Sample(text =>
        {
            var once = TextFolding.Fold(text);
            Assert.Equal(once, TextFolding.Fold(once));
        });

    [Fact]
    public void Name_keys_and_skeletons_never_throw() =>
        AnyText.Sample(text =>
        {
            var key = NameKey.Of(text);
            Assert.All(key, c => Assert.True(char.IsLetter(c)));
            _ = NameKey.Tokens(text);
            _ = Confusables.Skeleton(text);
        });

    [Fact]
    public void Money_and_personal_data_parsers_never_throw_and_return_spans_inside_the_text() =>
        AnyText.Sample(text =>
        {
            var folded = TextFolding.Fold(text);
            foreach (var amount in MoneyParser.Find(folded))
            {
                Assert.InRange(amount.Start, 0, folded.Length);
                Assert.InRange(amount.End, amount.Start, folded.Length);
                Assert.True(amount.Value >= 0);
            }

            foreach (var datum in PersonalDataScanner.Find(folded))
            {
                Assert.InRange(datum.Start, 0, folded.Length);
                Assert.InRange(datum.End, datum.Start, folded.Length);
            }
        });

    [Fact]
    public void Money_parser_reads_back_any_formatted_amount() =>
        Gen.Int[1, 9_999_999].Sample(pounds =>
        {
            var text = "the quote was £" + pounds.ToString("N0", System.Globalization.CultureInfo.InvariantCulture) + " in total";
            var amount = Assert.Single(MoneyParser.Find(text));
            Assert.Equal(pounds, amount.Value);
        });

    [Fact]
    public void The_classifier_never_throws_on_any_post_or_account() =>
        Gen.Select(AnyText, AnyText, AnyText).Sample((text, handle, name) =>
        {
            var statements = new OfficialStatements();
            statements.Add(TestData.Post(text, TestData.Official));
            _ = Classifier.CheckAccount(TestData.Account(handle, name));
            _ = Classifier.CheckPost(TestData.Post(text, TestData.Account(handle, name)), statements);
            _ = Classifier.CheckPost(TestData.Post(text, TestData.Staff), statements);
        }, iter: 2000);
}
