namespace SocialWatch.Rules.Tests.Impersonation;

/// <summary>
/// One group per concept of the impersonation rule (docs/rules.md), positives and the hard negatives
/// the concept must leave alone, written from the concept.
/// </summary>
public sealed class ImpersonationConceptTests
{
    private readonly Classifier _classifier = TestData.Classifier();

    private RuleFlag? Check(AccountInput account) => _classifier.CheckAccount(account).SingleOrDefault();

    // ---- a staff-style handle ending with the short name after a separator ----

    [Theory]
    [InlineData("jo_ltc", "Jo Pryce")]
    [InlineData("sam.ltc", "Sam")]
    [InlineData("pat-ltc", "Pat Kerr")]
    [InlineData("alex_leightc", "Alex")] // a longer alias as the suffix
    [InlineData("Dee_LTC", "Dee")]
    public void Handle_ending_with_the_alias_after_a_separator_is_flagged(string handle, string displayName)
    {
        var flag = Check(TestData.Account(handle, displayName));
        Assert.NotNull(flag);
        Assert.Equal("affiliation suffix", flag.Evidence["handle"]!["match"]!.GetValue<string>());
        Assert.Equal(PolicyClauses.NoCouncilNameInIdentities, flag.ClauseKey);
    }

    [Theory]
    [InlineData("Jo Pryce | LTC")]
    [InlineData("Sam (LTC)")]
    [InlineData("Pat Kerr - Leigh TC")]
    public void Display_name_ending_with_the_alias_after_a_separator_is_flagged(string displayName)
    {
        var flag = Check(TestData.Account("someone", displayName));
        Assert.NotNull(flag);
        Assert.Equal("affiliation suffix", flag.Evidence["display_name"]!["match"]!.GetValue<string>());
    }

    [Theory]
    [InlineData("Jo Smith LTC")] // no separator: three letters trailing a phrase
    [InlineData("Crypto fan | LTC")] // a ticker
    [InlineData("LTC | Jo")] // at the start, without a qualifier
    public void Display_names_where_the_alias_is_not_an_affiliation_are_not_flagged(string displayName) =>
        Assert.Null(Check(TestData.Account("someone", displayName)));

    [Fact]
    public void Registered_staff_with_the_alias_suffix_is_flagged_as_staff()
    {
        var flag = Check(TestData.Staff with { Handle = "sam_ltc" });
        Assert.NotNull(flag);
        Assert.True(flag.Evidence["registered_staff_account"]!.GetValue<bool>());
    }

    [Theory]
    [InlineData("crypto_ltc", "Crypto Prices", "")] // a ticker: the account speaks of prices
    [InlineData("coach_ltc", "Coach Jo", "Head coach at Hillside Lawn Tennis Club")] // spelt out as another club
    [InlineData("joltc", "Jo")] // glued, not a separate word
    [InlineData("jo_lt", "Jo")] // not the alias
    public void Alias_with_another_meaning_or_not_a_word_of_its_own_is_not_flagged(string handle, string displayName, string bio = "") =>
        Assert.Null(Check(new AccountInput("x", "555", handle, displayName, bio, null)));

    [Fact]
    public void Ticker_context_also_overrides_a_qualifier_word() =>
        Assert.Null(Check(new AccountInput("x", "556", "ltc_news", "LTC News", "Litecoin price alerts and charts", null)));

    // ---- the official handle's user part on another server ----

    [Theory]
    [InlineData("mastodon", "LeighTownCouncil@other.instance", "Notices")]
    [InlineData("bluesky", "leightowncouncil.example.net", "Notices")]
    public void Official_handle_on_another_server_is_flagged(string platform, string handle, string displayName)
    {
        var flag = Check(TestData.Account(handle, displayName, id: "did-or-id-777", platform: platform));
        Assert.NotNull(flag);
        Assert.NotNull(flag.Evidence["official_handle_elsewhere"]);
    }

    [Fact]
    public void A_short_official_handle_copied_onto_another_server_is_flagged()
    {
        var watch = TestData.Watch();
        watch.OfficialAccounts.Add(new OfficialAccountOptions { Platform = "mastodon", Id = "42", Handle = "@ltc@toot.community" });
        var classifier = new Classifier(watch, new RulesOptions(), [TestData.LogoHash]);

        var copy = Assert.Single(classifier.CheckAccount(TestData.Account("ltc@mastodon.social", "Town notices", id: "43", platform: "mastodon")));
        Assert.Equal("42", copy.Evidence["official_handle_elsewhere"]!["official_id"]!.GetValue<string>());
        Assert.Empty(classifier.CheckAccount(TestData.Account("ltc@toot.community", "Leigh Town Council", id: "42", platform: "mastodon")));
        Assert.Empty(classifier.CheckAccount(TestData.Account("ltcfan@mastodon.social", "A fan", id: "44", platform: "mastodon")));
    }

    // ---- the logo as avatar, whatever the name ----

    [Fact]
    public void Logo_avatar_on_an_unrelated_name_is_flagged_with_its_similarity()
    {
        var flag = Check(TestData.Account("harbourviews", "Harbour Views Photography", avatar: TestData.LogoHash ^ 0b11));
        Assert.NotNull(flag);
        Assert.Equal(PolicyClauses.NoCouncilLogos, flag.ClauseKey);
        var similarity = flag.Evidence["logo_similarity"]!.GetValue<double>();
        Assert.InRange(similarity, 0.9, 1.0);
        Assert.Contains("logo", flag.Evidence["summary"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    [Fact]
    public void Logo_in_reversed_colours_is_flagged()
    {
        var flag = Check(TestData.Account("nightowl", "Night Owl", avatar: ~TestData.LogoHash ^ 0b101));
        Assert.NotNull(flag);
        Assert.True(flag.Evidence["logo"]!["inverted"]!.GetValue<bool>());
    }

    [Fact]
    public void An_unrelated_avatar_is_not_flagged() =>
        Assert.Null(Check(TestData.Account("harbourviews", "Harbour Views", avatar: TestData.LogoHash ^ 0x00FF_00FF_00FF_00FF)));

    // ---- names on word boundaries; another place's council is another organisation ----

    [Theory]
    [InlineData("RayleighTownCouncil", "Rayleigh Town Council")] // "leigh town council" inside a longer place name
    [InlineData("rayleightowncouncil", "rayleigh town council")]
    [InlineData("HadleighTC", "Hadleigh Town Council")]
    [InlineData("LeightonTownCouncil", "Leighton Town Council")]
    [InlineData("EleighTownCouncil", "Eleigh Town Council")]
    [InlineData("SouthendOnSeaCC", "Southend-on-Sea City Council")] // shares "on-Sea"
    [InlineData("southendcouncil", "Southend City Council")]
    [InlineData("LeighSailingClub", "Leigh Sailing Club")]
    public void Another_places_council_or_another_organisation_is_not_flagged(string handle, string displayName) =>
        Assert.Null(Check(TestData.Account(handle, displayName)));

    [Theory]
    [InlineData("someone", "Leighh Town Council")] // a doubled letter is a look-alike, not another place
    [InlineData("someone", "Leigth Town Council")]
    [InlineData("notleightowncouncil", "Parody account")] // a glued qualifier word in front
    [InlineData("theleightowncouncil", "Town notices")]
    [InlineData("LeighTownCouncil2024", "Notices")] // the name may end inside a word
    public void Look_alikes_and_glued_qualifiers_are_still_flagged(string handle, string displayName) =>
        Assert.NotNull(Check(TestData.Account(handle, displayName)));

    [Theory]
    [InlineData("notices_desk", "The Real Leigh TC")] // claim words before the alias are the claim
    [InlineData("TheLeighTC", "Town notices")]
    [InlineData("someone", "Genuine Leigh TC")]
    public void Claim_words_before_a_longer_alias_are_flagged(string handle, string displayName)
    {
        var flag = Check(TestData.Account(handle, displayName));
        Assert.NotNull(flag);
        Assert.Contains("Leigh", flag.Evidence["summary"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("jo_pryce", "Jo Pryce Leigh TC fan")] // a person's name before the alias is not a claim
    [InlineData("bigleightc", "Big Leigh TC supporter")]
    public void Other_words_before_a_longer_alias_are_not_flagged(string handle, string displayName) =>
        Assert.Null(Check(TestData.Account(handle, displayName)));

    // ---- the summary a clerk reads ----

    [Theory]
    [InlineData("LeighTownCounci1", "Leigh Town Counci1", "a 1 for the l")]
    [InlineData("LeighTwonCouncil", "Leigh Twon Council", "swapped")]
    [InlineData("someone", "Le\u0456gh Town Council", "another alphabet")]
    [InlineData("LTC_Updates", "Town news", "\"updates\"")]
    public void Every_flag_says_in_one_sentence_what_was_found_and_why(string handle, string displayName, string expected)
    {
        var flag = Check(TestData.Account(handle, displayName));
        Assert.NotNull(flag);
        var summary = flag.Evidence["summary"]!.GetValue<string>();
        Assert.Contains(expected, summary, StringComparison.Ordinal);
        Assert.Contains("Leigh Town Council", summary, StringComparison.Ordinal);
        Assert.Contains("policy", summary, StringComparison.Ordinal);
        Assert.EndsWith(".", summary, StringComparison.Ordinal);
        Assert.Single(summary.Split(". ", StringSplitOptions.None));
    }

    [Theory]
    [InlineData("Leigh Town Counci1\uD800")] // a lone surrogate
    [InlineData("\uDC00Leigh Town Council \U0001F30A")] // a lone low surrogate and an emoji
    [InlineData("Leigh\u200BTown\u200BCouncil")]
    public void Broken_text_still_gets_a_summary(string displayName)
    {
        var flag = Check(TestData.Account("someone", displayName));
        Assert.NotNull(flag);
        Assert.False(string.IsNullOrWhiteSpace(flag.Evidence["summary"]!.GetValue<string>()));
    }

    // ---- policy clause texts come from configuration ----

    [Fact]
    public void Flags_carry_the_configured_clause_text_and_keep_the_key()
    {
        var watch = TestData.Watch();
        watch.Policy.Clauses[PolicyClauses.NoCouncilNameInIdentities] = "Our own words about names.";
        var classifier = new Classifier(watch, new RulesOptions(), [TestData.LogoHash]);

        var named = Assert.Single(classifier.CheckAccount(TestData.Account("LeighTownCounci1", "Leigh Town Counci1")));
        Assert.Equal("Our own words about names.", named.PolicyClause);
        Assert.Equal(PolicyClauses.NoCouncilNameInIdentities, named.ClauseKey);

        var logo = Assert.Single(classifier.CheckAccount(TestData.Account("x9", "Views", avatar: TestData.LogoHash)));
        Assert.Equal("Leigh Town Council logos may not be used.", logo.PolicyClause); // neutral default, organisation filled in
        Assert.Equal(logo.PolicyClause, classifier.ClauseText(PolicyClauses.NoCouncilLogos));
    }

    // ---- round 6: the alias of another kind of body; a watch account ----

    [Theory]
    [InlineData("LTC_Juniors", "LTC Juniors", "Junior section of Hillside Tennis Club")] // a club
    [InlineData("ltc_research", "LTC Research Group", "University group studying long-term care")] // research
    [InlineData("soundproof_ltc", "LTC Acoustics", "")] // a trade in the handle
    [InlineData("ltc_homes", "LTC Homes", "Independent estate agents. Sales and lettings")] // an estate agent
    [InlineData("LtcLettings", "LTC Lettings", "")] // glued handle words
    public void Alias_of_an_account_that_names_another_kind_of_body_is_not_flagged(string handle, string displayName, string bio) =>
        Assert.Null(Check(TestData.Account(handle, displayName) with { Bio = bio }));

    [Theory]
    [InlineData("LTC_updates", "LTC Updates", "News for residents of the town")]
    [InlineData("LeighTC_info", "Leigh TC Info", "Updates from the council")]
    public void Alias_channel_without_another_kind_of_body_is_still_flagged(string handle, string displayName, string bio) =>
        Assert.NotNull(Check(TestData.Account(handle, displayName) with { Bio = bio }));

    [Theory]
    [InlineData("LTCwatch", "LTC watch", "independent scrutiny of the town council")]
    [InlineData("leightc_watch", "Leigh TC Watch", "")]
    [InlineData("WatchLTC", "Watch LTC", "what they don't tell you")]
    public void A_watch_account_named_with_the_alias_is_flagged(string handle, string displayName, string bio)
    {
        var flag = Check(TestData.Account(handle, displayName) with { Bio = bio });
        Assert.NotNull(flag);
        Assert.Equal(PolicyClauses.NoCouncilNameInIdentities, flag.ClauseKey);
    }
}
