using SocialWatch.Rules.Leaks;
using SocialWatch.Rules.Normalisation;

namespace SocialWatch.Rules.Tests.Leaks;

public sealed class MoneyParserTests
{
    [Theory]
    [InlineData("the bid was £48,500 in the end", 48500)]
    [InlineData("came in at 48.5k apparently", 48500)]
    [InlineData("a £1.2m scheme", 1200000)]
    [InlineData("just under fifty grand", 50000)]
    [InlineData("forty-eight thousand pounds", 48000)]
    [InlineData("offer around £310k", 310000)]
    [InlineData("£19.5k a year", 19500)]
    [InlineData("3,200 pounds", 3200)]
    [InlineData("about 500 quid", 500)]
    [InlineData("£7,900, £9,250 and £11,400", 7900)]
    [InlineData("Ｌ£５k", 5000)]
    public void Finds_amounts_written_any_way(string text, int expected)
    {
        var amounts = MoneyParser.Find(TextFolding.Fold(text));
        Assert.NotEmpty(amounts);
        Assert.Equal(expected, amounts[0].Value);
    }

    [Fact]
    public void Approximate_amounts_are_marked()
    {
        var amount = Assert.Single(MoneyParser.Find("just under fifty grand"));
        Assert.True(amount.Approximate);
        Assert.Equal(0, amount.Start);
    }

    [Theory]
    [InlineData("about 12m of fence")] // metres, not millions
    [InlineData("2.5% rise")]
    [InlineData("7.30pm at the hall")]
    [InlineData("money, money, money")]
    [InlineData("one of the best")]
    [InlineData("26:41 parkrun")]
    public void Ignores_numbers_that_are_not_money(string text) => Assert.Empty(MoneyParser.Find(TextFolding.Fold(text)));

    [Fact]
    public void Finds_every_amount_in_a_list() =>
        Assert.Equal([7900m, 9250m, 11400m], MoneyParser.Find("£7,900, £9,250 and £11,400").Select(a => a.Value));
}

public sealed class MoneyAbbreviationTests
{
    [Theory]
    [InlineData("did the 5k run on the seafront")]
    [InlineData("we hit 10k followers today")]
    [InlineData("she lives at 22 Grand Parade")]
    [InlineData("a flutter on the Grand National")]
    public void Abbreviations_that_mean_something_else_are_not_money(string text) =>
        Assert.Empty(MoneyParser.Find(TextFolding.Fold(text)));

    [Theory]
    [InlineData("they want 42 grand for it", 42000)]
    [InlineData("priced at £42k, the dearest", 42000)]
    [InlineData("forty-two thousand pounds all in", 42000)]
    public void Abbreviated_and_written_out_prices_are_money(string text, int expected) =>
        Assert.Equal(expected, Assert.Single(MoneyParser.Find(TextFolding.Fold(text))).Value);
}
