namespace SocialWatch.Rules.Tests.Impersonation;

/// <summary>
/// A neighbouring council whose name holds the town's on a word boundary: a place qualifier in front
/// ("North Leigh") or a place word glued on by camel case ("ThornLeigh", "EastLeigh") makes another
/// place. An impostor's words beside the name (separated, or a glued claim word such as "Official")
/// still match.
/// </summary>
public sealed class NeighbouringPlaceTests
{
    private readonly Classifier _classifier = TestData.Classifier();

    private RuleFlag? Check(AccountInput account) => _classifier.CheckAccount(account).SingleOrDefault();

    [Theory]
    [InlineData("NorthLeighTC", "North Leigh Town Council")]
    [InlineData("greatleigh_tc", "Great Leigh Town Council")]
    [InlineData("ThornLeighTownCouncil", "ThornLeigh Town Council")]
    [InlineData("MarshLeighTownCouncil", "MarshLeigh Town Council")]
    public void Another_place_whose_council_name_holds_ours_is_not_flagged(string handle, string displayName) =>
        Assert.Null(Check(TestData.Account(handle, displayName)));

    [Theory]
    [InlineData("OfficialLeighTownCouncil", "Official Leigh Town Council")]
    [InlineData("TheLeighTownCouncil", "The Leigh Town Council")]
    [InlineData("leigh_town_council_updates", "Leigh Town Council Updates")]
    public void The_name_with_claim_words_is_still_flagged(string handle, string displayName) =>
        Assert.NotNull(Check(TestData.Account(handle, displayName)));

    [Theory]
    [InlineData("jo_leigh_tc", "x")] // the two-word short name in lower case, separated
    [InlineData("jo.leigh.tc", "facebook")]
    [InlineData("jo.ltc.5", "facebook")] // a number to make a taken user name unique
    [InlineData("jo_ltc_", "x")]
    public void A_staff_style_handle_ending_with_the_short_name_in_its_own_words_is_flagged(string handle, string platform)
    {
        var flag = Check(TestData.Account(handle, "Jo Pryce", platform: platform));
        Assert.NotNull(flag);
        Assert.Equal("affiliation suffix", flag.Evidence["handle"]!["match"]!.GetValue<string>());
    }

    [Theory]
    [InlineData("north_leigh_tc")]
    [InlineData("hadleigh_tc")]
    [InlineData("jo_tc_5")]
    public void Another_places_short_name_or_a_bare_tc_is_not_flagged(string handle) =>
        Assert.Null(Check(TestData.Account(handle, "Someone")));
}
