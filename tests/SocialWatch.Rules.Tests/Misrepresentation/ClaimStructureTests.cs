namespace SocialWatch.Rules.Tests.Misrepresentation;

/// <summary>
/// Claims by sentence structure: the council (or a pronoun standing for it) as the agent of a decision,
/// spending, position or future action is a claim; hedges, questions, someone else's opinion and a
/// ticker that shares the council's alias are not. Patterns only (no model), so each concept is tested alone.
/// </summary>
public sealed class ClaimStructureTests
{
    private readonly Classifier _classifier = TestData.Classifier(new RulesOptions { UseEmbeddings = false });
    private readonly OfficialStatements _statements = new();

    private RuleFlag? Misrepresentation(string text, AccountInput? author = null, string platform = "x")
    {
        var post = TestData.Post(text, author) with { Platform = platform };
        return _classifier.CheckPost(post, _statements).SingleOrDefault(f => f.Rule == RuleNames.Misrepresentation);
    }

    [Theory]
    [InlineData("The council met on Monday. They voted to sell the allotments.")] // pronoun after a council mention
    [InlineData("The allotments were sold by the council last month.")] // passive with the council as agent
    [InlineData("Leigh Town Council will introduce charges at the community hall.")] // modal future
    [InlineData("The council is going to scrap the summer fair.")]
    [InlineData("Councillors told the meeting that the pool would be sold.")] // reported speech
    public void The_council_as_agent_is_a_claim(string text) =>
        Assert.NotNull(Misrepresentation(text));

    [Theory]
    [InlineData("Is it true that the council has voted to close the pool")] // question without "?"
    [InlineData("I hope the council will scrap the parking charges.")]
    [InlineData("The council should scrap the parking charges.")]
    [InlineData("Rumour has it the council has sold the pool.")]
    [InlineData("The council might cancel the fair if it rains.")]
    [InlineData("Has the council approved the new charges?")]
    public void Hedges_and_questions_are_not_claims(string text) =>
        Assert.Null(Misrepresentation(text));

    [Theory]
    [InlineData("A lawyer says the council could be sued for selling the land.")]
    [InlineData("According to my solicitor the council will lose the appeal.")]
    [InlineData("An expert reckons the town council will approve the scheme.")]
    public void Someone_elses_opinion_about_the_council_is_not_the_councils_claim(string text) =>
        Assert.Null(Misrepresentation(text));

    [Fact]
    public void Someone_relaying_a_council_decision_still_reports_a_claim() =>
        Assert.NotNull(Misrepresentation("A friend said the council has voted to sell the allotments."));

    [Theory]
    [InlineData("$LTC price pumping today, bought more, will sell at $120")]
    [InlineData("LTC/USD chart looks bullish, will buy the dip")]
    public void A_currency_ticker_that_shares_the_alias_is_not_the_council(string text) =>
        Assert.Null(Misrepresentation(text));

    [Fact]
    public void A_headline_reports_a_decision_without_a_final_full_stop()
    {
        var flag = Misrepresentation("Town Council Scraps Summer Fair After Budget Row");
        Assert.NotNull(flag);
    }

    [Fact]
    public void The_first_line_of_a_feed_item_is_read_as_a_headline()
    {
        var flag = Misrepresentation("Leigh Town Council cancels carnival\nOrganisers were told on Friday.", platform: "rss");
        Assert.NotNull(flag);
    }

    [Fact]
    public void A_look_alike_account_speaking_as_we_makes_a_claim()
    {
        var lookAlike = TestData.Account("LeighTC_News", "Leigh Town Council News", id: "777");
        Assert.NotNull(Misrepresentation("From next month we will charge for bulky waste collections.", lookAlike));
    }

    [Fact]
    public void A_look_alike_asking_to_be_messaged_claims_nothing()
    {
        var lookAlike = TestData.Account("LeighTC_News", "Leigh Town Council News", id: "777");
        Assert.Null(Misrepresentation("Our lines are busy today, DM us and someone will call you back.", lookAlike));
    }

    [Fact]
    public void Only_the_post_text_carries_claims_not_the_authors_bio()
    {
        var author = new AccountInput("x", "888", "jo_resident", "Jo", "The council voted to sell the park and will close the library!", null);
        Assert.Null(Misrepresentation("Lovely sunset over the estuary tonight.", author));
    }

    [Fact]
    public void A_staff_member_passing_on_something_confidential_asserts_no_decision()
    {
        var flag = Misrepresentation("Strictly confidential, the council discussed the garage site in closed session last night.", TestData.Staff);
        Assert.Null(flag);
    }

    [Fact]
    public void A_report_that_links_the_official_post_is_not_a_misrepresentation()
    {
        var official = TestData.Post("The council has agreed to close the pool on Sundays from March.", TestData.Official, at: new DateTimeOffset(2026, 9, 1, 9, 0, 0, TimeSpan.Zero))
            with { Url = "https://x.com/LeighTownCouncil/status/42" };
        _statements.Add(official);
        Assert.Null(Misrepresentation("The council has agreed to shut the pool on Sundays: https://x.com/LeighTownCouncil/status/42"));
    }

    [Fact]
    public void Every_flag_carries_a_plain_summary_for_the_clerk()
    {
        var flag = Misrepresentation("The town council spent £40,000 on a new logo.");
        Assert.NotNull(flag);
        var summary = flag.Evidence["summary"]!.GetValue<string>();
        Assert.Contains("spent money", summary, StringComparison.Ordinal);
        Assert.Contains("Town Clerk", summary, StringComparison.Ordinal);
    }

    [Fact]
    public void A_contradiction_names_the_official_statement_under_its_own_keys()
    {
        var official = TestData.Post("The swimming pool is not closing. Opening hours stay the same.", TestData.Official, at: new DateTimeOffset(2026, 9, 1, 9, 0, 0, TimeSpan.Zero))
            with { Url = "https://x.com/LeighTownCouncil/status/43" };
        _statements.Add(official);
        var flag = Misrepresentation("The council has voted to close the swimming pool.");
        Assert.NotNull(flag);
        Assert.Equal(Severities.High, flag.Severity);
        var contradicts = flag.Evidence["contradicts"]!;
        Assert.Equal(official.Text, contradicts["text"]!.GetValue<string>());
        Assert.Equal(official.Url, contradicts["url"]!.GetValue<string>());
        Assert.StartsWith("2026-09-01", contradicts["posted_at"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Contains("contradicts the council's own post of 1 September 2026", flag.Evidence["summary"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    [Fact]
    public void Place_words_come_from_the_watch_file_not_the_code()
    {
        var words = Rules.Misrepresentation.TextFacts.PlaceWords(TestData.Watch());
        Assert.Contains("leigh", words);
        Assert.Contains("ltc", words);
        var other = TestData.Watch();
        other.Organisation.Names = ["Rayleigh Town Council"];
        other.Organisation.Aliases = ["RTC"];
        Assert.DoesNotContain("leigh", Rules.Misrepresentation.TextFacts.PlaceWords(other));
    }
}
