namespace SocialWatch.Rules.Tests.Misrepresentation;

/// <summary>
/// Claims said in the wordings unseen text used and the rules missed: a look-alike announcing terms with a
/// request for payment details, thanks for something the council "has given", a printed notice relayed,
/// the council said to be changing something in the progressive; and the false alarms beside them: reports
/// that point at the council's own page or minutes typed without apostrophes, another place's councillors
/// in a headline, a councillor's advice surgery. Patterns only (no model), several wordings each.
/// </summary>
public sealed class UnseenWordingClaimTests
{
    private readonly Classifier _classifier = TestData.Classifier(new RulesOptions { UseEmbeddings = false });
    private readonly OfficialStatements _statements = new();

    private static AccountInput LookAlike => TestData.Account("LeighTownCounciI", "Leigh Town CounciI", "77");

    private RuleFlag? Misrepresentation(string text, AccountInput? author = null, string platform = "x")
    {
        var post = TestData.Post(text, author) with { Platform = platform };
        return _classifier.CheckPost(post, _statements).SingleOrDefault(f => f.Rule == RuleNames.Misrepresentation);
    }

    [Theory]
    [InlineData("Garden waste permits now cost £45. Reply with your card number to renew yours.")]
    [InlineData("free parking at Bell Wharf this weekend, just send us your bank details to register")]
    [InlineData("Beach hut fees are £25 this year - message us your sort code and we'll set it up")]
    [InlineData("£300 grants available for every pensioner. Confirm your account number by DM.")]
    public void A_look_alike_announcing_terms_and_asking_for_payment_details_is_a_claim(string text) =>
        Assert.NotNull(Misrepresentation(text, LookAlike));

    [Theory]
    [InlineData("DM us your card details to get your parking permit refunded")] // a bare request: impersonation only
    [InlineData("Follow this page for news about Leigh")]
    public void A_look_alike_asking_without_announcing_terms_is_impersonation_only(string text) =>
        Assert.Null(Misrepresentation(text, LookAlike));

    [Theory]
    [InlineData("Massive thanks to Leigh Town Council, who have given the club £1,500 for new nets")]
    [InlineData("Thank you to the town council for granting us the lease on the old scout hut")]
    [InlineData("cheers ltc for letting us have the rec ground every sunday")]
    [InlineData("We are so grateful to the council, who have kindly handed us the bowls pavilion")]
    public void Thanks_for_something_the_council_has_given_is_a_claim(string text) =>
        Assert.NotNull(Misrepresentation(text));

    [Theory]
    [InlineData("Thanks to Leigh Town Council for a brilliant fireworks night")]
    [InlineData("Thank you to the council for the new benches on the cliffs")]
    [InlineData("Thanks to everyone who gave up their Sunday for the litter pick")]
    public void Thanks_for_an_event_or_something_seen_are_not_a_claim(string text) =>
        Assert.Null(Misrepresentation(text));

    [Theory]
    [InlineData("notice on the library door says the council is shutting it on Mondays from May")]
    [InlineData("leaflet through my door from the council: allotment rents going up to £80")]
    [InlineData("Sign up on the council noticeboard - the toilets close for good in June")]
    public void A_printed_notice_relayed_with_a_change_is_a_claim(string text) =>
        Assert.NotNull(Misrepresentation(text));

    [Theory]
    [InlineData("Saw a poster for the council's summer fair, looks great")]
    [InlineData("flyer in the chip shop window for the quiz, who's coming")]
    public void A_printed_notice_of_an_event_is_not_a_claim(string text) =>
        Assert.Null(Misrepresentation(text));

    [Theory]
    [InlineData("the council is putting the allotment rents up again")]
    [InlineData("Leigh Town Council are cutting the events grant by half")]
    [InlineData("council's doubling the beach hut fees to £300")]
    public void The_council_said_to_be_changing_something_is_a_claim(string text) =>
        Assert.NotNull(Misrepresentation(text));

    [Theory]
    [InlineData("ALLOTMENT RENTS ARENT GOING UP, ITS ON THEIR PAGE")]
    [InlineData("the fees arent changing, its in the council minutes")]
    [InlineData("As agreed in the published minutes, the council will resurface the Broadway in May")]
    [InlineData("no the toilets wont be closing, says so on the councils facebook")]
    public void A_report_pointing_at_the_councils_own_page_or_minutes_is_not_flagged(string text) =>
        Assert.Null(Misrepresentation(text));

    [Theory]
    [InlineData("Southend councillors vote to close Priory Park toilets")]
    [InlineData("Basildon councillors back new leisure centre plans")]
    public void A_headline_about_another_places_councillors_is_not_flagged(string text) =>
        Assert.Null(Misrepresentation(text, platform: "rss"));

    [Theory]
    [InlineData("Ward councillors voted to close the Broadway toilets")]
    [InlineData("Labour councillors voted against the precept rise")]
    public void Our_own_councillors_opening_a_sentence_still_make_a_claim(string text) =>
        Assert.NotNull(Misrepresentation(text));

    [Theory]
    [InlineData("councillor surgery cancelled this week, back next saturday")]
    [InlineData("Councillor surgery moved to the library this month")]
    public void A_councillors_advice_surgery_is_not_the_council_acting(string text) =>
        Assert.Null(Misrepresentation(text));

    [Theory]
    [InlineData("Council now quietly spends £40,000 on consultants")]
    [InlineData("Town council secretly again backs the marina plan")]
    public void A_present_tense_headline_with_two_adverbs_is_a_claim(string text) =>
        Assert.NotNull(Misrepresentation(text, platform: "rss"));

    [Fact]
    public void A_members_we_announcing_a_change_that_contradicts_a_statement_is_a_claim()
    {
        var statements = new OfficialStatements();
        statements.Add(TestData.Post("The Broadway toilets will stay open all winter, no closures are planned.", TestData.Official, at: new DateTimeOffset(2026, 9, 1, 9, 0, 0, TimeSpan.Zero)));
        RuleFlag? Check(string text) => _classifier.CheckPost(TestData.Post(text, TestData.Councillor), statements).SingleOrDefault(f => f.Rule == RuleNames.Misrepresentation);

        Assert.NotNull(Check("we are closing the Broadway toilets for the winter"));
        Assert.Null(Check("we are closing the Broadway toilets early on Friday for the fun run, see the council website"));
        Assert.Null(Check("we're off to the Broadway for the carol concert"));
    }
}
