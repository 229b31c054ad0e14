namespace SocialWatch.Rules.Tests.Impersonation;

/// <summary>
/// Handles glue words to the alias without a separator: a club's or firm's trade or activity word
/// ("LeighTCRowing", "LTCHaulage", "ltc4roofing") makes the alias that body's own abbreviation, found in
/// camel case, after a run of capitals and across digits; a channel word glued to it ("LTCupdates",
/// "LTCinfo") still names the council's channel.
/// </summary>
public sealed class GluedHandleTests
{
    private readonly Classifier _classifier = TestData.Classifier();

    private RuleFlag? Check(AccountInput account) => _classifier.CheckAccount(account).SingleOrDefault();

    [Theory]
    [InlineData("LeighTCRowing", "Leigh TC")]
    [InlineData("LTCHaulage", "LTC")]
    [InlineData("ltc4roofing", "L.T.C.")]
    [InlineData("LeighTC_Hockey", "Leigh TC")]
    [InlineData("LTCRemovals2", "LTC")]
    [InlineData("leightc.fitness", "Leigh TC")]
    public void A_trade_or_activity_word_glued_to_the_alias_is_another_body(string handle, string displayName) =>
        Assert.Null(Check(TestData.Account(handle, displayName)));

    [Theory]
    [InlineData("LTCupdates", "LTC")]
    [InlineData("LTCinfo", "LTC")]
    [InlineData("LeighTCnews", "Leigh TC")]
    [InlineData("LeighTC_Notices", "Leigh TC")]
    public void A_channel_word_glued_to_the_alias_is_flagged(string handle, string displayName) =>
        Assert.NotNull(Check(TestData.Account(handle, displayName)));

    [Fact]
    public void A_look_alike_of_the_full_name_is_flagged_whatever_trade_word_it_adds() =>
        Assert.NotNull(Check(TestData.Account("LeighTownCounciIHaulage", "Leigh Town CounciI")));
}
