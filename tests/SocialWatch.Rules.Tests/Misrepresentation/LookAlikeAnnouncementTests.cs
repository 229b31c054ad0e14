namespace SocialWatch.Rules.Tests.Misrepresentation;

/// <summary>
/// A look-alike of the council speaking as the council: an account the impersonation rule takes for the
/// council (a look-alike name, the alias with a channel word, or only the logo) announcing terms, an offer,
/// a cancellation or a promise in return for details; beside the hard negatives from the same kinds of
/// account (chatter, captions, questions, a repost of an official statement in its terms), a staff
/// member's alias handle, and an account that says it is not the council. Patterns only, several wordings.
/// </summary>
public sealed class LookAlikeAnnouncementTests
{
    private readonly Classifier _classifier = TestData.Classifier(new RulesOptions { UseEmbeddings = false });
    private readonly OfficialStatements _statements = new();

    private static AccountInput DoubledLetter => TestData.Account("LeighTownCounciil", "Leigh Town Counciil", "71");

    private static AccountInput AliasWithChannelWord => TestData.Account("LTC_Help", "LTC Help", "72");

    private static AccountInput DigitForLetter => TestData.Account("L3ighTownCouncil", "L3igh Town Council", "73");

    private static AccountInput LogoOnly => TestData.Account("estuary_notices", "Estuary Notices", "74", avatar: TestData.LogoHash);

    private RuleFlag? Misrepresentation(string text, AccountInput author)
    {
        var post = TestData.Post(text, author);
        return _classifier.CheckPost(post, _statements).SingleOrDefault(f => f.Rule == RuleNames.Misrepresentation);
    }

    public static TheoryData<string> Announcements => new()
    {
        // terms set or changed, with a sum, rate or date
        "Garden waste collections will cost £38 a year from 1 March.",
        "From 1 July, residents' parking permits will be required on Church Hill. £85 per vehicle.",
        "Hall hire charges at the community centre go up 30% from 1 October.",
        "Allotment tenants: rents will go up to £55 a full plot from October.",
        "the quay car park becomes pay and display from 1 august, £1.50 an hour",
        "Dog walkers must have a permit for the beach from next Monday, £15 from the office",
        // an offer in the council's name
        "Winter hardship grants of £250 available to Leigh families.",
        "EASTER GIVEAWAY: we're giving 5 local families £200 supermarket vouchers!",
        "Bulky waste amnesty this Saturday at the depot, bring anything. No charge, no booking.",
        "FREE compost bins for every household this spring!",
        "Win a £100 voucher for the Broadway shops, comment to enter",
        // a cancellation or money promised back
        "The summer fun day has been called off this year, sorry everyone.",
        "Due to low numbers the craft market will not go ahead. Stallholders will be refunded in full.",
        "Stallholder refunds will be processed in June.",
        // a promise to act for a resident's details
        "@dave Sorry to hear this. Please DM us your full name, address and phone number and we'll get the pothole filled this week.",
        "@jan send us your postcode and house number and our crew will come back today",
    };

    [Theory]
    [MemberData(nameof(Announcements))]
    public void A_look_alike_announcing_in_the_councils_voice_is_a_claim(string text)
    {
        Assert.NotNull(Misrepresentation(text, DoubledLetter));
        Assert.NotNull(Misrepresentation(text, AliasWithChannelWord));
        Assert.NotNull(Misrepresentation(text, DigitForLetter));
    }

    [Theory]
    [InlineData("Residents' parking permits will be needed on Marine Parade from 1 June, £70 per vehicle.")]
    [InlineData("Winter hardship grants of £250 available to Leigh families.")]
    [InlineData("Refunds will be processed next week for everyone who booked a stall.")]
    public void An_account_wearing_only_the_logo_announcing_terms_or_offers_is_a_claim(string text) =>
        Assert.NotNull(Misrepresentation(text, LogoOnly));

    [Theory]
    [InlineData("FLASH SALE garden furniture 40% off this weekend only")] // a shop's sale, not the council's terms
    [InlineData("Bin collections moving to Thursdays from next week apparently")]
    [InlineData("golden hour at chalkwell tonight, no filter")]
    public void An_account_wearing_only_the_logo_is_not_read_for_the_wider_words_of_change(string text) =>
        Assert.Null(Misrepresentation(text, LogoOnly));

    [Theory]
    [InlineData("Good morning Leigh! Lovely sunrise over the estuary today")]
    [InlineData("Bell Wharf at low tide this evening 📸")]
    [InlineData("What would you like to see at the fun day? Let us know below")]
    [InlineData("Happy Friday everyone, have a lovely weekend!")]
    [InlineData("Throwback to last year's regatta")]
    [InlineData("Reminder: beach hut licence fees stay at £160 this year")]
    public void A_look_alikes_chatter_captions_and_questions_are_impersonation_only(string text)
    {
        Assert.Null(Misrepresentation(text, DoubledLetter));
        Assert.Null(Misrepresentation(text, AliasWithChannelWord));
    }

    [Fact]
    public void A_look_alike_repeating_an_official_statement_in_its_terms_is_impersonation_only()
    {
        var at = new DateTimeOffset(2026, 9, 1, 9, 0, 0, TimeSpan.Zero);
        _statements.Add(TestData.Post("Summer Fun Day is on Saturday 15 July at Library Gardens, 11am to 3pm. Free entry for everyone.", TestData.Official, at: at));
        var repost = TestData.Post("Summer Fun Day is on Saturday 15 July at Library Gardens, 11am to 3pm. Free entry for everyone.", DoubledLetter, at: at.AddDays(1));
        Assert.DoesNotContain(_classifier.CheckPost(repost, _statements), f => f.Rule == RuleNames.Misrepresentation);
    }

    [Theory]
    [InlineData("DM us your card details to get your parking permit refunded")] // a bare request: impersonation only
    [InlineData("send us your photos of the regatta!")]
    public void A_request_without_a_promise_or_terms_is_impersonation_only(string text) =>
        Assert.Null(Misrepresentation(text, DoubledLetter));

    [Fact]
    public void A_staff_members_alias_handle_posting_a_reminder_is_not_a_claim() =>
        Assert.Null(Misrepresentation("Reminder: hall hire is £22 an hour from 1 April, book early", TestData.Account("samokafor_LTC", "Sam Okafor", "2000000101")));

    [Theory]
    [InlineData("Residents' group. We are not the council and do not speak for it.")]
    [InlineData("Independent residents' forum, not affiliated with the town council")]
    [InlineData("Unofficial community page")]
    public void An_account_that_says_it_is_not_the_council_does_not_speak_in_its_voice(string bio) =>
        Assert.Null(Misrepresentation("Forum meeting moved to Wednesday, tickets now £2 from 1 May", TestData.Account("LeighTCWatchers", "Leigh TC Watchers", "75") with { Bio = bio }));

    [Fact]
    public void An_account_that_says_it_is_not_the_council_is_still_read_for_claims_about_it() =>
        Assert.NotNull(Misrepresentation("The town council has voted to sell the community centre", TestData.Account("LeighTCWatchers", "Leigh TC Watchers", "75") with { Bio = "Residents' group, not the council" }));

    private static AccountInput OfficialHandleElsewhere => TestData.Account("LeighTownCouncil@mstdn.social", "Leigh Town Council", "76", "mastodon");

    [Theory]
    [InlineData("We're moving! Please follow us here from now on, our old account will be closed at the end of the month.")]
    [InlineData("This account closes on Friday: we are moving to a new server")]
    [InlineData("our previous profile is being shut down, follow us over here")]
    public void A_notice_about_the_account_itself_is_not_a_service_change(string text) =>
        Assert.Null(Misrepresentation(text, OfficialHandleElsewhere));

    [Theory]
    [InlineData("The library will close on Mondays from June, follow us here for updates")]
    [InlineData("This is the real council account, the old one has been hacked.")]
    public void A_service_change_or_a_claim_to_be_the_real_account_is_still_read(string text) =>
        Assert.NotNull(Misrepresentation(text, OfficialHandleElsewhere));
}
