using SocialWatch.Rules.Normalisation;

namespace SocialWatch.Rules.Tests.Normalisation;

public sealed class NameKeyTests
{
    [Theory]
    [InlineData("Leigh Town Council")]
    [InlineData("LEIGH TOWN COUNCIL")]
    [InlineData("leigh.town.council")]
    [InlineData("leigh_town_council")]
    [InlineData("Le1gh Town Counc1l")]
    [InlineData("LeighTownCounci1")]
    [InlineData("LeighTownCounciI")]
    [InlineData("Leigh Town CounciII")] // handled as near match by the rule; here two I read as l
    [InlineData("Leіgh Town Council")] // Cyrillic і
    [InlineData("Leigh Tоwn Council")] // Cyrillic о
    [InlineData("Leigh Town Cοuncil")] // Greek ο
    [InlineData("Leigh Tovvn Council")] // vv for w
    [InlineData("Leigh\u200BTown\u200DCouncil")] // zero-width space and joiner
    [InlineData("\u202ELeigh Town Council\u202C")] // right-to-left override
    [InlineData("Lei\u0301gh Town Cou\u0308ncil")] // combining accents
    [InlineData("Ｌｅｉｇｈ Ｔｏｗｎ Ｃｏｕｎｃｉｌ")] // full-width
    [InlineData("Leigh\0Town\0Council")] // NUL
    [InlineData("🏛️ Leigh Town Council 🏛️")] // emoji
    [InlineData("Léigh Tówn Cóuncil")] // precomposed accents
    public void Look_alikes_of_the_council_name_fold_to_the_same_key(string name)
    {
        var key = NameKey.Of(name);
        var target = NameKey.Of("Leigh Town Council");
        Assert.True(key == target || EditDistance.Between(key, target) <= 1, key);
    }

    [Theory]
    [InlineData("Leigh Town Cornrnunity", "lelghtowncommunlty")]
    [InlineData("Leigh Sailing Club", "lelghsalllngclub")]
    [InlineData("LEIGH", "lelgh")]
    public void Keys_are_plain_letters(string name, string expected) => Assert.Equal(expected, NameKey.Of(name));

    [Fact]
    public void Tokens_split_on_separators_and_camel_case()
    {
        Assert.Equal(["ltc", "lnfo", "desk"], NameKey.Tokens("LTC_info_desk"));
        Assert.Equal(["lelgh", "tc", "help"], NameKey.Tokens("LeighTCHelp"));
        Assert.Equal(["lelgh", "town", "councll", "uk"], NameKey.Tokens("LeighTownCouncilUK"));
    }

    [Theory]
    [InlineData("leightowncouncil", "leightwoncouncil", 1)] // transposition
    [InlineData("leightowncouncil", "leightowwncouncil", 1)] // doubled letter
    [InlineData("leightowncouncil", "leightowncouncil", 0)]
    [InlineData("abc", "", 3)]
    public void Edit_distance_counts_transpositions_as_one(string a, string b, int expected) =>
        Assert.Equal(expected, EditDistance.Between(a, b));

    [Fact]
    public void Best_substring_finds_a_near_match_inside_a_longer_name() =>
        Assert.Equal(1, EditDistance.BestSubstring("leightowncouncil", "officialleightwoncouncilnews"));
}
