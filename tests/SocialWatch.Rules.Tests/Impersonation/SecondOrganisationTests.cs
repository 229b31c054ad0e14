using Microsoft.Extensions.Configuration;

namespace SocialWatch.Rules.Tests.Impersonation;

/// <summary>
/// The rules know nothing of one organisation: a made-up council configured from settings alone gets its
/// own impostors flagged, in its own words, and the two neighbours never flag each other.
/// </summary>
public sealed class SecondOrganisationTests
{
    private const ulong RayleighLogo = 0x5A5A_A5A5_0FF0_F00F;

    private static readonly Dictionary<string, string?> RayleighSettings = new()
    {
        ["Watch:Organisation:Names:0"] = "Rayleigh Town Council",
        ["Watch:Organisation:Aliases:0"] = "RTC",
        ["Watch:Organisation:Aliases:1"] = "Rayleigh TC",
        ["Watch:Organisation:Website"] = "rayleightowncouncil.gov.uk",
        ["Watch:OfficialAccounts:0:Platform"] = "x",
        ["Watch:OfficialAccounts:0:Id"] = "9100000001",
        ["Watch:OfficialAccounts:0:Handle"] = "RayleighTownCouncil",
        ["Watch:OfficialAccounts:1:Platform"] = "mastodon",
        ["Watch:OfficialAccounts:1:Id"] = "9100000002",
        ["Watch:OfficialAccounts:1:Handle"] = "RayleighTC@mastodon.social",
        ["Watch:StaffAccounts:0:Platform"] = "x",
        ["Watch:StaffAccounts:0:Id"] = "9200000001",
        ["Watch:StaffAccounts:0:Handle"] = "mo_pearce",
        ["Watch:StaffAccounts:0:Name"] = "Mo Pearce",
        ["Watch:Policy:Clauses:NoCouncilLogos"] = "The Rayleigh Town Council crest may not be used by anyone else.",
    };

    private static Classifier Rayleigh()
    {
        var watch = new WatchOptions();
        new ConfigurationBuilder().AddInMemoryCollection(RayleighSettings).Build().GetSection(WatchOptions.SectionName).Bind(watch);
        return new Classifier(watch, new RulesOptions(), [RayleighLogo]);
    }

    public static TheoryData<string, string, string, ulong?> RayleighImpostors => new()
    {
        { "x", "RayleighTownCounci1", "Rayleigh Town Counci1", null },
        { "x", "someone", "Rayle1gh Town Council", null },
        { "x", "RayleighTC_News", "Town News", null },
        { "x", "RTC_updates", "Updates", null },
        { "x", "jo_rtc", "Jo", null },
        { "mastodon", "RayleighTC@other.instance", "Notices", null },
        { "facebook", "harbour.views", "Harbour Views", RayleighLogo ^ 0b111 },
    };

    [Theory]
    [MemberData(nameof(RayleighImpostors))]
    public void Its_impostors_are_flagged_in_its_own_words_without_another_councils_name(string platform, string handle, string displayName, ulong? avatar)
    {
        var flag = Assert.Single(Rayleigh().CheckAccount(new AccountInput(platform, "9300000001", handle, displayName, "", avatar)));
        var everything = flag.PolicyClause + " " + flag.Evidence.ToJsonString();
        Assert.DoesNotContain("Leigh", everything, StringComparison.Ordinal);
        Assert.Contains("Rayleigh Town Council", flag.Evidence["summary"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Contains("Rayleigh", flag.PolicyClause, StringComparison.Ordinal);
    }

    [Fact]
    public void The_configured_clause_text_is_quoted()
    {
        var flag = Assert.Single(Rayleigh().CheckAccount(new AccountInput("x", "9300000002", "harbourviews", "Harbour Views", "", RayleighLogo)));
        Assert.Equal("The Rayleigh Town Council crest may not be used by anyone else.", flag.PolicyClause);
    }

    [Fact]
    public void Its_posts_flags_hold_no_other_councils_name()
    {
        var classifier = Rayleigh();
        var statements = new OfficialStatements();
        var impostor = new AccountInput("x", "9300000003", "RayleighTownCounci1", "Rayleigh Town Counci1", "", null);
        var staff = new AccountInput("x", "9200000001", "mo_pearce", "Mo Pearce", "", null);
        var posts = new[]
        {
            TestData.Post("Rayleigh Town Council has voted to close the museum", impostor),
            TestData.Post("RTC have agreed to sell the recreation ground", TestData.Account("resident1", "Resident")),
            TestData.Post("Confidential: the Part 2 item tonight, the cheapest tender was £48,500 from Acme Ltd", staff),
        };

        var flags = posts.SelectMany(p => classifier.CheckPost(p, statements)).ToList();
        Assert.NotEmpty(flags);
        Assert.All(flags, f => Assert.DoesNotContain("Leigh", f.PolicyClause + " " + f.Evidence.ToJsonString(), StringComparison.Ordinal));
    }

    [Fact]
    public void Leighs_official_account_is_not_an_impostor_of_Rayleigh() =>
        Assert.Empty(Rayleigh().CheckAccount(new AccountInput("x", "1000000001", "LeighTownCouncil", "Leigh Town Council", "", null)));

    [Theory]
    [InlineData("LeighTownCouncil", "Leigh Town Council")]
    [InlineData("leigh_tc", "Leigh TC")]
    [InlineData("LeighOnSeaTownCouncil", "Leigh-on-Sea Town Council")]
    public void Leigh_names_are_not_impostors_of_Rayleigh(string handle, string displayName) =>
        Assert.Empty(Rayleigh().CheckAccount(new AccountInput("x", "1000000009", handle, displayName, "", null)));

    [Theory]
    [InlineData("RayleighTownCouncil", "Rayleigh Town Council")]
    [InlineData("RayleighTC", "Rayleigh TC")]
    [InlineData("rayleightowncouncil.gov.uk", "Rayleigh Town Council")]
    public void Rayleighs_official_account_is_not_an_impostor_of_Leigh(string handle, string displayName) =>
        Assert.Empty(TestData.Classifier().CheckAccount(TestData.Account(handle, displayName, id: "9100000001")));
}
