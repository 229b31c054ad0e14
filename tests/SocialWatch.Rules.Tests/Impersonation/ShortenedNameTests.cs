using Microsoft.Extensions.Configuration;

namespace SocialWatch.Rules.Tests.Impersonation;

/// <summary>
/// Round 3 concepts: the alias in front of a person's name in a handle, the name shortened the ways people
/// shorten it ("Place Council", "Place T.C."), and the other bodies of the same place whose names are a
/// letter or two from "Place TC" (a district council, a town's football club, a theatre company).
/// Oakhurst is a made-up council configured from settings alone.
/// </summary>
public sealed class ShortenedNameTests
{
    private static readonly Dictionary<string, string?> OakhurstSettings = new()
    {
        ["Watch:Organisation:Names:0"] = "Oakhurst Town Council",
        ["Watch:Organisation:Aliases:0"] = "OTC",
        ["Watch:Organisation:Aliases:1"] = "Oakhurst TC",
        ["Watch:OfficialAccounts:0:Platform"] = "x",
        ["Watch:OfficialAccounts:0:Id"] = "9300000001",
        ["Watch:OfficialAccounts:0:Handle"] = "OakhurstTownCouncil",
    };

    private static readonly Classifier Oakhurst = Build();

    private static readonly Classifier Leigh = TestData.Classifier();

    private static Classifier Build()
    {
        var watch = new WatchOptions();
        new ConfigurationBuilder().AddInMemoryCollection(OakhurstSettings).Build().GetSection(WatchOptions.SectionName).Bind(watch);
        return new Classifier(watch, new RulesOptions(), []);
    }

    private static RuleFlag? Check(Classifier classifier, string handle, string displayName, string bio = "") =>
        classifier.CheckAccount(new AccountInput("x", "777", handle, displayName, bio, null)).SingleOrDefault();

    [Theory]
    [InlineData("ltc.sue", "Sue Parker")]
    [InlineData("ltc_jamie", "Jamie Cole")]
    [InlineData("LTC-dee", "Dee")]
    public void Handle_with_the_alias_before_a_name_is_flagged(string handle, string displayName)
    {
        var flag = Check(Leigh, handle, displayName);
        Assert.NotNull(flag);
        Assert.Equal("affiliation prefix", flag.Evidence["handle"]!["match"]!.GetValue<string>());
    }

    [Theory]
    [InlineData("ltc_fc", "Leigh Tennis FC")] // a club word after the alias
    [InlineData("ltc.players", "Players")]
    [InlineData("ltcarpentry", "LT Carpentry")] // no separator
    [InlineData("ltc_5", "Five")] // no name after it
    [InlineData("ltc.sue", "Sue", "Litecoin price alerts")] // the alias means a ticker here
    public void Alias_first_handles_that_name_no_employer_are_not_flagged(string handle, string displayName, string bio = "") =>
        Assert.Null(Check(Leigh, handle, displayName, bio));

    [Theory]
    [InlineData("notices", "Leigh-on-Sea T.C.")]
    [InlineData("notices", "Leigh-on-Sea TC Updates")]
    [InlineData("notices", "Leigh-on-Sea Council")]
    public void Long_place_name_shortened_is_flagged(string handle, string displayName) =>
        Assert.NotNull(Check(Leigh, handle, displayName));

    [Theory]
    [InlineData("oakhrust_council", "Oakhrust Council")] // swapped letters, no "Town"
    [InlineData("news", "Oakhurst Council News")]
    [InlineData("news", "Oakhurst T.C.")]
    [InlineData("news", "Oakhrust TC")] // misspelt place, abbreviation intact
    [InlineData("otc.mark", "Mark Reid")]
    public void Shortened_or_misspelt_names_of_a_second_council_are_flagged(string handle, string displayName) =>
        Assert.NotNull(Check(Oakhurst, handle, displayName));

    [Theory]
    [InlineData("OakhurstDC", "Oakhurst District Council", "Official account of Oakhurst District Council")]
    [InlineData("oakhursttownfc", "Oakhurst Town FC", "Up the Town!")]
    [InlineData("otctheatre", "OTC - Oakhurst Theatre Company", "Plays and panto")]
    [InlineData("oakhurst_town_band", "Oakhurst Town Band", "")]
    [InlineData("oakhurstcricket", "Oakhurst Town Cricket Club", "")]
    [InlineData("oakhurstcountycouncil", "Oakhurst County Council", "")]
    public void Other_bodies_of_the_same_place_are_not_flagged(string handle, string displayName, string bio) =>
        Assert.Null(Check(Oakhurst, handle, displayName, bio));

    // Round 5: the council words written without their vowels, also behind a parody "Not".
    [Theory]
    [InlineData("NotOakhurstTwnCncl", "Not Oakhurst Twn Cncl")]
    [InlineData("news", "Oakhurst Twn Cncl News")]
    [InlineData("OakhurstTwnCncl", "Updates")]
    public void The_council_words_without_vowels_are_flagged(string handle, string displayName)
    {
        var flag = Check(Oakhurst, handle, displayName);
        Assert.NotNull(flag);
        Assert.Contains("Oakhurst", flag.Evidence["summary"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("oakhurst_twins", "Oakhurst Twins")] // a word that happens to share consonants
    [InlineData("NotOakhurstFC", "Not Oakhurst FC")]
    [InlineData("OakhurstCyclingClub", "Oakhurst Cycling Club")]
    [InlineData("oakhursttwncycl", "Oakhurst Town Cycling")]
    [InlineData("oakhurstdstcncl", "Oakhurst Dstrct Cncl")] // another type of council without vowels
    public void Other_names_without_vowels_are_not_flagged(string handle, string displayName) =>
        Assert.Null(Check(Oakhurst, handle, displayName));
}

