namespace SocialWatch.Rules.Tests.Impersonation;

public sealed class ImpersonationRuleTests
{
    private readonly Classifier _classifier = TestData.Classifier();

    [Theory]
    [InlineData("LeighTwonCouncil", "Leigh Twon Council")] // transposition
    [InlineData("LeighTownCounci1", "Leigh Town Counci1")] // digit for letter
    [InlineData("Le1ghTownCounc1l", "Le1gh Town Counc1l")]
    [InlineData("OfficialLeighTC", "Official Leigh Town Council")] // extra word
    [InlineData("leigh_town_council", "leigh.town.council")] // separators
    [InlineData("ltc_updates", "Leіgh Town Council")] // Cyrillic і
    [InlineData("LTC_info_desk", "Local Desk")] // short alias with a qualifier word
    [InlineData("someone", "Leigh-on-Sea Towwn Council")] // doubled letter
    [InlineData("LeighTownCouncil", "Leigh Town Council")] // the official handle on another account id
    [InlineData("notleightowncouncil", "Leigh Town Council (Parody)")]
    [InlineData("jo", "Jo Pryce (Leigh Town Council)")]
    [InlineData("LeighTownCounciII", "Local Updates")] // capital I for l in the handle
    [InlineData("x", "Leigh\u200BTown\u200BCouncil")] // zero-width characters
    [InlineData("x", "\u202ELeigh Town Council\u202C")] // bidi override characters are dropped
    [InlineData("x", "Lei\u0301gh Town Cou\u0308ncil")] // combining marks
    public void Look_alike_names_and_handles_are_flagged(string handle, string displayName)
    {
        var flags = _classifier.CheckAccount(TestData.Account(handle, displayName));
        var flag = Assert.Single(flags);
        Assert.Equal(RuleNames.Impersonation, flag.Rule);
        Assert.Equal(Severities.High, flag.Severity);
        Assert.Equal(PolicyClauses.NoCouncilNameInIdentities, flag.ClauseKey);
        Assert.NotNull(flag.Evidence["display_name"] ?? flag.Evidence["handle"]);
    }

    [Theory]
    [InlineData("LeighSailingClub", "Leigh Sailing Club")]
    [InlineData("LeighLibraryFriends", "Leigh Library Friends")]
    [InlineData("southendcouncil", "Southend City Council")]
    [InlineData("LeighTownCC", "Leigh Town Cricket Club")]
    [InlineData("LeighTraders", "Leigh Town Centre Traders")]
    [InlineData("leightownsend88", "Leigh Townsend")]
    [InlineData("LeighLions", "Leigh-on-Sea Lions Club")]
    [InlineData("ltc_price_bot", "Litecoin LTC Price")] // short alias without a qualifier word
    [InlineData("natowusu", "Nat Owusu 🌊")]
    [InlineData("\0\uD800", "\uDC00\u202E")] // garbage
    public void Other_organisations_and_people_are_not_flagged(string handle, string displayName) =>
        Assert.Empty(_classifier.CheckAccount(TestData.Account(handle, displayName)));

    [Fact]
    public void Official_accounts_are_never_flagged() =>
        Assert.Empty(_classifier.CheckAccount(TestData.Official with { AvatarHash = TestData.LogoHash }));

    [Fact]
    public void Registered_staff_handle_using_the_council_name_is_flagged()
    {
        var staff = TestData.Staff with { Handle = "SamAtLeighTownCouncil" };
        var flag = Assert.Single(_classifier.CheckAccount(staff));
        Assert.True(flag.Evidence["registered_staff_account"]!.GetValue<bool>());
        Assert.Equal(PolicyClauses.NoCouncilNameInIdentities, flag.ClauseKey);
    }

    [Fact]
    public void Registered_staff_with_own_name_is_not_flagged() => Assert.Empty(_classifier.CheckAccount(TestData.Staff));

    [Fact]
    public void Avatar_near_the_logo_is_flagged_with_its_distance()
    {
        var nearLogo = TestData.LogoHash ^ 0b1011; // three bits differ
        var flag = Assert.Single(_classifier.CheckAccount(TestData.Account("ss9info", "SS9 Info", avatar: nearLogo)));
        Assert.Equal(3, flag.Evidence["logo"]!["image_distance"]!.GetValue<int>());
        Assert.Equal(PolicyClauses.NoCouncilLogos, flag.ClauseKey);
    }

    [Fact]
    public void Avatar_far_from_the_logo_is_not_flagged() =>
        // Half the bits differ, as for unrelated images (the full complement would be the logo's negative).
        Assert.Empty(_classifier.CheckAccount(TestData.Account("ss9info", "SS9 Info", avatar: TestData.LogoHash ^ 0x0F0F_0F0F_0F0F_0F0F)));

    [Fact]
    public void Evidence_names_the_lookalike_and_what_it_resembles()
    {
        var flag = Assert.Single(_classifier.CheckAccount(TestData.Account("x1", "Leigh Twon Council")));
        var name = flag.Evidence["display_name"]!;
        Assert.Equal("Leigh Twon Council", name["text"]!.GetValue<string>());
        Assert.Equal("Leigh Town Council", name["resembles"]!.GetValue<string>());
        Assert.Equal("near", name["match"]!.GetValue<string>());
        Assert.Equal(1, name["edit_distance"]!.GetValue<int>());
    }

    [Theory]
    [InlineData("LeighTownCouncil@mastodon.online", "LeighTownCouncil")]
    [InlineData("leightowncouncil.bsky.social", "leightowncouncil")]
    [InlineData("@someone", "someone")]
    public void Handles_are_read_without_their_domain(string handle, string expected) =>
        Assert.Equal(expected, SocialWatch.Rules.Impersonation.ImpersonationRule.HandleCore(handle));
}
