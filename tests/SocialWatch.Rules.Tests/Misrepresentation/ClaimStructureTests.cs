namespace SocialWatch.Rules.Tests.Misrepresentation;

/// <summary>
/// Claims by sentence structure: the council (or a pronoun standing for it) as the agent of a decision,
/// spending, position or future action is a claim; hedges, questions, someone else's opinion and a
/// ticker that shares the council's alias are not. The future said in the present progressive with a time
/// to come, reported "would", a why-question taking a council act as given and a demand said with "now"
/// are claims too. Patterns only (no model), so each concept is tested alone.
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

    [Theory]
    [InlineData("The council are putting double yellows along the seafront next spring.")]
    [InlineData("Leigh Town Council is knocking down the bandstand from April.")]
    [InlineData("The town council's closing the library by Christmas.")]
    public void Future_said_in_the_present_with_a_time_to_come_is_a_claim(string text) =>
        Assert.NotNull(Misrepresentation(text));

    [Theory]
    [InlineData("The council is looking lovely in its Christmas lights this year.")] // no time to come
    [InlineData("Went past the town council offices this morning, someone is painting the railings.")]
    public void Present_progressive_without_a_council_act_to_come_is_not_a_claim(string text) =>
        Assert.Null(Misrepresentation(text));

    [Theory]
    [InlineData("The chair said the council would close the public toilets by March.")]
    [InlineData("The clerk told residents the council would sell the pavilion.")]
    public void Reported_speech_with_would_is_a_claim(string text) =>
        Assert.NotNull(Misrepresentation(text));

    [Theory]
    [InlineData("The chair said she would love to see more young people at meetings.")]
    [InlineData("My neighbour said the council would be better off selling the pavilion.")] // an opinion relayed
    [InlineData("I think the council would do well to listen.")]
    public void Would_that_reports_no_council_act_is_not_a_claim(string text) =>
        Assert.Null(Misrepresentation(text));

    [Theory]
    [InlineData("Why did Leigh Town Council already tell the plot holders they have to go?")]
    [InlineData("Why has the council decided to sell the pavilion?")]
    public void A_why_question_that_takes_a_council_act_as_given_is_a_claim(string text) =>
        Assert.NotNull(Misrepresentation(text));

    [Theory]
    [InlineData("Why did it take so long to fix the streetlight on Elm Road?")]
    [InlineData("Why don't the council sell the pavilion?")]
    [InlineData("Has the council decided to sell the pavilion?")]
    public void Other_questions_are_not_claims(string text) =>
        Assert.Null(Misrepresentation(text));

    [Fact]
    public void A_demand_said_with_now_is_a_claim() =>
        Assert.NotNull(Misrepresentation("Town council now wants £2 a go for the seafront loos."));

    [Fact]
    public void Someone_else_now_wanting_money_is_not_a_claim() =>
        Assert.Null(Misrepresentation("My neighbour now wants £4 for a dozen eggs, still cheaper than the shop."));

    private static readonly DateTimeOffset Before = new(2026, 9, 1, 9, 0, 0, TimeSpan.Zero);

    private void StateFreeze() =>
        _statements.Add(TestData.Post("Allotment rents are frozen for 2027: there will be no increase for any plot holder.", TestData.Official, at: Before));

    [Fact]
    public void An_accurate_report_of_a_freeze_is_not_flagged()
    {
        StateFreeze();
        Assert.Null(Misrepresentation("Good news: Leigh Town Council confirms allotment rents are frozen for 2027."));
    }

    [Fact]
    public void A_rise_by_a_fraction_against_a_freeze_is_flagged()
    {
        StateFreeze();
        Assert.NotNull(Misrepresentation("The town council has decided to put allotment rents up by a quarter from April."));
    }

    [Theory]
    [InlineData("So our wonderful town council now wants £4 to park on a Sunday.")]
    [InlineData("Our useless council has voted to scrap the summer fair.")]
    public void What_the_writer_thinks_of_their_own_council_still_names_it(string text) =>
        Assert.NotNull(Misrepresentation(text));

    [Theory]
    [InlineData("Our school council has voted to ban phones at lunch.")]
    [InlineData("The Southend town council has voted to scrap its summer fair.")]
    public void Another_body_named_before_council_is_not_ours(string text) =>
        Assert.Null(Misrepresentation(text));

    // ---- infinitive headlines, sums with a verdict, wishes and invitations, fundraising ----

    [Theory]
    [InlineData("Town council to pull the plug on the summer regatta")]
    [InlineData("Leigh TC set to shut the Cliff Gardens kiosk")]
    [InlineData("EXCLUSIVE: Leigh Town Council poised to knock down the old pavilion")]
    public void A_headline_of_what_the_council_is_to_do_is_a_claim(string text) =>
        Assert.NotNull(Misrepresentation(text));

    [Fact]
    public void An_infinitive_headline_needs_no_verb_of_deciding()
    {
        var flag = Misrepresentation("Town council to pull the plug on the summer regatta");
        Assert.NotNull(flag);
        Assert.Equal("headline says what the council is to do", flag.Evidence["why"]!.GetValue<string>());
        Assert.Contains("Town council to pull the plug on the summer regatta", flag.Evidence["summary"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Time for the town council to fix the lights on the Broadway.")]
    [InlineData("I asked the council to explain the new bins.")]
    [InlineData("How to get the council to collect a fridge")]
    public void The_council_with_to_but_not_opening_the_sentence_is_not_a_headline(string text) =>
        Assert.Null(Misrepresentation(text));

    [Theory]
    [InlineData("£380 for a single litter bin. Leigh Town Council have lost the plot.")]
    [InlineData("Twelve grand on new bunting for the town council. Absolute joke.")]
    [InlineData("Thirty quid for a beach hut key? The town council are having a laugh.")] // the sum asked in disbelief
    public void A_sum_spent_with_a_verdict_is_a_spending_claim(string text)
    {
        var flag = Misrepresentation(text);
        Assert.NotNull(flag);
        Assert.Contains("spent public money", flag.Evidence["summary"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("£4 for an ice cream on the front, madness. Nothing to do with the council, mind.")]
    [InlineData("£380 for a litter bin? Ask the council, I bet it's cheaper than that.")]
    public void A_sum_with_a_verdict_not_put_on_the_council_is_not_a_claim(string text) =>
        Assert.Null(Misrepresentation(text));

    [Theory]
    [InlineData("Would love it if the council opened the lido again.")]
    [InlineData("Really wish Leigh Town Council would plant more trees on the Broadway.")]
    [InlineData("It'd be fantastic if the town council bought the old bank.")]
    [InlineData("Residents invited to have their say on the town council's bus shelter plans")]
    public void Wishes_and_invitations_before_the_council_are_not_claims(string text) =>
        Assert.Null(Misrepresentation(text));

    [Fact]
    public void A_wish_after_the_council_s_act_does_not_hide_it() =>
        Assert.NotNull(Misrepresentation("The council has sold the old bank and I wish it hadn't."));

    [Theory]
    [InlineData("Raised £410 at the town council's bingo night for the hospice, thank you all!")]
    [InlineData("We raised over £1,000 at the council's fun day for the lifeboat.")]
    public void Money_raised_at_a_council_event_is_not_a_claim(string text) => Assert.Null(Misrepresentation(text));

    [Fact]
    public void Charges_raised_by_the_council_are_still_a_claim() =>
        Assert.NotNull(Misrepresentation("The council raised the beach hut fees by 20% this year."));

    // Round 5: the council said to be doing it with the auxiliary dropped, in colloquial posts.
    [Theory]
    [InlineData("Town council selling the bowls green to a developer, unbelievable")]
    [InlineData("LTC quietly raising the hall hire rates again")]
    [InlineData("council moving collections to every third week, great")]
    public void The_council_with_a_dropped_auxiliary_is_a_claim(string text)
    {
        var flag = Misrepresentation(text);
        Assert.NotNull(flag);
        Assert.Contains("This post says the council", flag.Evidence["summary"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Town council meeting the residents' association next week, all welcome")] // "meeting" as a noun
    [InlineData("Council housing the homeless is a national issue, not a town one.")]
    public void Nouns_in_ing_after_the_council_are_not_a_dropped_auxiliary(string text) => Assert.Null(Misrepresentation(text));

    // Round 5: a relay in surprise is not a question.
    [Theory]
    [InlineData("Leigh Town Council selling the old library now??")]
    [InlineData("LTC have cancelled the carnival?!")]
    public void A_statement_ending_in_doubled_question_marks_is_a_relay(string text) => Assert.NotNull(Misrepresentation(text));

    [Theory]
    [InlineData("Is Leigh Town Council selling the old library??")]
    [InlineData("Why would LTC cancel the carnival?!")]
    public void A_question_in_question_order_stays_a_question(string text) => Assert.Null(Misrepresentation(text));

    // Round 5: the council named but not acting: negated, a time clause, not yet decided.
    [Theory]
    [InlineData("The new charges were agreed by the district council, not Leigh Town Council.")]
    [InlineData("Please write in before the town council has made its decision on the pavilion.")]
    [InlineData("The old signs stay until the council decides in the autumn.")]
    [InlineData("Leigh Town Council hasn't decided anything about the car park yet.")]
    [InlineData("LTC has not taken a view on the flats.")]
    public void The_council_negated_as_agent_or_not_yet_decided_is_not_a_claim(string text) => Assert.Null(Misrepresentation(text));

    [Theory]
    [InlineData("After the council decided to close the toilets, visitors stopped coming.")] // a past act told as a time
    [InlineData("Leigh Town Council hasn't approved the grant for the carnival.")] // what it did with an application
    public void A_past_act_as_a_time_and_a_refusal_are_still_claims(string text) => Assert.NotNull(Misrepresentation(text));

    [Fact]
    public void Another_councils_words_before_ours_are_not_our_councils_claim() =>
        Assert.Null(Misrepresentation("Castle Point Borough Council says it will cut its grass verges; Leigh Town Council areas are unchanged."));

    // Round 5: hearsay relays of an act are claims to check; predictions and published sources are not.
    [Theory]
    [InlineData("According to my neighbour the town council is closing the library.")]
    [InlineData("My brother-in-law says Leigh Town Council has sold the pavilion.")]
    [InlineData("Word is LTC have agreed to lease the beach huts to a company.")]
    public void A_hearsay_relay_of_a_council_act_is_a_claim(string text) => Assert.NotNull(Misrepresentation(text));

    [Theory]
    [InlineData("According to its published accounts, Leigh Town Council spent £41,000 on grass cutting.")]
    [InlineData("My neighbour reckons the town council will lose the appeal.")]
    public void A_published_source_or_a_prediction_relayed_is_not_a_claim(string text) => Assert.Null(Misrepresentation(text));

    // Round 5: a question in question order without its mark.
    [Theory]
    [InlineData("so is the town council closing the library or not")]
    [InlineData("has LTC actually sold the green")]
    public void A_question_in_question_order_without_a_mark_is_not_a_claim(string text) => Assert.Null(Misrepresentation(text));

    // ---- round 6: present-tense headlines and headline sums ----

    [Theory]
    [InlineData("Town council objects to plans for 40 flats on Leigh Hill")]
    [InlineData("Leigh council spends £38,000 on new Christmas lights")]
    [InlineData("Skate park bill revealed at £120k as town council faces questions")]
    [InlineData("LTC backs the new cycle lane on the Broadway")]
    public void A_present_tense_feed_headline_is_a_claim(string text) =>
        Assert.NotNull(Misrepresentation(text, TestData.Account("echo-news.co.uk", "Echo News"), platform: "rss"));

    [Theory]
    [InlineData("Town council meeting tonight at 7pm, all welcome")]
    [InlineData("Town council elections on 6 May: how to vote")]
    public void A_feed_headline_with_no_act_is_not_a_claim(string text) =>
        Assert.Null(Misrepresentation(text, TestData.Account("echo-news.co.uk", "Echo News"), platform: "rss"));

    [Theory]
    [InlineData("The members' council voted last night to raise subs to £60 a year.")]
    [InlineData("Our church council has agreed to repaint the hall.")]
    [InlineData("the tenants council decided to close the laundry room")]
    public void Another_body_s_own_council_acting_is_not_a_claim(string text) => Assert.Null(Misrepresentation(text));

    [Theory]
    [InlineData("parody, obviously")]
    [InlineData("Satirical account. Not affiliated with anyone")]
    [InlineData("spoof news from the town hall")]
    public void A_declared_parody_s_headline_is_not_a_claim(string bio) =>
        Assert.Null(Misrepresentation("BREAKING: Leigh Town Council to replace all benches with bean bags", TestData.Account("NotLeighTownCouncil", "Not Leigh Town Council") with { Bio = bio }));

    [Fact]
    public void The_same_headline_from_a_look_alike_without_a_parody_word_is_a_claim() =>
        Assert.NotNull(Misrepresentation("BREAKING: Leigh Town Council to replace all benches with bean bags", TestData.Account("LeighTownCouncl", "Leigh Town Councl") with { Bio = "news for Leigh" }));
}
