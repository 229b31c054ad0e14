namespace SocialWatch.Rules.Tests.Impersonation;

/// <summary>
/// Handles glue words to the alias without a separator: a channel word glued to it ("LTCupdates",
/// "LTCinfo") still names the council's channel, as "LTC_updates" does.
/// </summary>
public sealed class GluedHandleTests
{
    private readonly Classifier _classifier = TestData.Classifier();

    private RuleFlag? Check(AccountInput account) => _classifier.CheckAccount(account).SingleOrDefault();

    [Theory]
    [InlineData("LTCupdates", "LTC")]
    [InlineData("LTCinfo", "LTC")]
    [InlineData("LeighTCnews", "Leigh TC")]
    [InlineData("LeighTC_Notices", "Leigh TC")]
    public void A_channel_word_glued_to_the_alias_is_flagged(string handle, string displayName) =>
        Assert.NotNull(Check(TestData.Account(handle, displayName)));
}
