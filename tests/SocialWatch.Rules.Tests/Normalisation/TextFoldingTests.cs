using SocialWatch.Rules.Normalisation;

namespace SocialWatch.Rules.Tests.Normalisation;

public sealed class TextFoldingTests
{
    [Theory]
    [InlineData("Part 2", "part 2")]
    [InlineData("Pаrt 2", "part 2")] // Cyrillic а
    [InlineData("Ex\u200Bempt", "exempt")]
    [InlineData("caf\u00E9", "cafe")]
    [InlineData("cafe\u0301", "cafe")]
    [InlineData("don\u2019t", "don't")]
    [InlineData("a\u2013b", "a-b")]
    [InlineData("ｔｅｎｄｅｒ", "tender")]
    [InlineData("a\0b", "a b")]
    public void Folds_case_accents_lookalikes_and_invisibles(string input, string expected) =>
        Assert.Equal(expected, TextFolding.Fold(input));

    [Fact]
    public void Lone_surrogates_become_spaces_and_pairs_stay()
    {
        Assert.Equal("a b", TextFolding.Fold("a\uD800b"));
        Assert.Equal("a b", TextFolding.Fold("a\uDC00b"));
        Assert.Equal("🎄", TextFolding.Fold("🎄"));
    }

    [Fact]
    public void Offsets_map_back_to_the_original_text()
    {
        var original = "Hi\u200B\u200B Part 2 £5k";
        var folded = TextFolding.Fold(original);
        var at = folded.IndexOf("part", StringComparison.Ordinal);
        Assert.Equal(original.IndexOf("Part", StringComparison.Ordinal), TextFolding.ToOriginalOffset(original, at));
    }

    [Fact]
    public void Confusables_data_is_loaded_from_the_embedded_file()
    {
        Assert.True(Confusables.Count > 6000);
        Assert.Equal("l", Confusables.Prototype('1'));
        Assert.Equal(Confusables.Skeleton("paypal"), Confusables.Skeleton("pаypаl"));
    }
}
