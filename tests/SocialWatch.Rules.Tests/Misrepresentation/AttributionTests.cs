namespace SocialWatch.Rules.Tests.Misrepresentation;

/// <summary>
/// Claims without a verb of deciding: a stance put on the council with a copula, a sum of public money
/// said to be spent in a post that names the council, a look-alike announcing a rise. Hard negatives:
/// the same shapes about a place, someone else, a ticker, or a hedge beside an official statement.
/// </summary>
public sealed class AttributionTests
{
    private readonly Classifier _classifier = TestData.Classifier(new RulesOptions { UseEmbeddings = false });

    private RuleFlag? Misrepresentation(string text, AccountInput? author = null, OfficialStatements? statements = null) =>
        _classifier.CheckPost(TestData.Post(text, author), statements ?? new OfficialStatements())
            .SingleOrDefault(f => f.Rule == RuleNames.Misrepresentation);

    [Theory]
    [InlineData("The town council is dead against the new footbridge")]
    [InlineData("LTC are firmly behind the supermarket plans")]
    [InlineData("Councillors are in favour of building on the playing field")]
    [InlineData("Leigh TC now opposed to the cycle hire scheme. Typical.")]
    public void A_stance_put_on_the_council_is_a_claim(string text)
    {
        var flag = Misrepresentation(text);
        Assert.NotNull(flag);
        Assert.Contains("position", flag.Evidence["summary"]!.GetValue<string>());
    }

    [Theory]
    [InlineData("The council office is behind the library, by the bakery")]
    [InlineData("I sent a complaint to the council against my neighbour's hedge")]
    public void Place_and_complaint_sentences_are_not_stances(string text) => Assert.Null(Misrepresentation(text));

    [Theory]
    [InlineData("£60k of taxpayers' money on a rebrand. Cheers, Leigh Town Council")]
    [InlineData("Twenty grand blown on new signs. Well done the town council.")]
    public void Public_money_said_to_be_spent_in_a_post_naming_the_council_is_a_claim(string text)
    {
        var flag = Misrepresentation(text);
        Assert.NotNull(flag);
        Assert.Contains("spent public money", flag.Evidence["summary"]!.GetValue<string>());
    }

    [Theory]
    [InlineData("£5 on the door for the council's quiz night, all welcome")]
    [InlineData("Spent £20 of my own money at the fete, thanks to the council for organising")]
    [InlineData("Thanks to the town council for the £500 grant, not a penny of public money wasted")]
    [InlineData("The £300 the town council gave our club was not wasted, the new nets are great")]
    public void Prices_and_own_money_are_not_spending_claims(string text) => Assert.Null(Misrepresentation(text));

    [Theory]
    [InlineData("LTC up 9% this week, glad I held")]
    [InlineData("LTC testing resistance again, council of whales at it")]
    public void A_ticker_moving_is_not_the_council(string text) => Assert.Null(Misrepresentation(text));

    [Fact]
    public void A_council_of_something_else_is_not_our_council() =>
        Assert.Null(Misrepresentation("The security council of the UN voted to extend the mission"));

    [Fact]
    public void Councillors_after_a_lower_case_word_are_still_ours() =>
        Assert.NotNull(Misrepresentation("At last night's meeting councillors said the beach huts will be sold"));

    [Fact]
    public void Speculation_beside_an_official_denial_is_not_flagged()
    {
        var statements = new OfficialStatements();
        statements.Add(TestData.Post("There are no plans to introduce parking charges at the seafront car park.", TestData.Official));
        Assert.Null(Misrepresentation("I reckon the town council might end up charging at the seafront car park one day", statements: statements));
    }

    [Fact]
    public void A_look_alike_account_announcing_a_rise_is_a_claim() =>
        Assert.NotNull(Misrepresentation("All beach hut rents will rise to £900 from April.", TestData.Account("LeighTC_News", "Leigh Town Council News")));

    [Fact]
    public void A_staff_leak_by_idiom_is_not_also_a_misrepresentation()
    {
        var flags = _classifier.CheckPost(TestData.Post("Lips sealed, but the council has had four offers for the kiosk, best is £30k", TestData.Staff), new OfficialStatements());
        Assert.DoesNotContain(RuleNames.Misrepresentation, TestData.Rules(flags));
    }

    [Fact]
    public void A_staff_member_speaking_for_the_council_is_flagged_but_not_when_disclaiming()
    {
        Assert.NotNull(Misrepresentation("Speaking for the town council, we will not allow food vans on the front", TestData.Councillor));
        Assert.Null(Misrepresentation("Not speaking for the council here, but I'd love more food vans on the front", TestData.Councillor));
    }

    [Theory]
    [InlineData("The mayor told the crowd that the beach huts are being sold")]
    [InlineData("Clerk confirmed at the meeting that the market is moving to Sundays")]
    public void Reported_speech_of_the_mayor_or_clerk_is_a_claim(string text) => Assert.NotNull(Misrepresentation(text));

    [Fact]
    public void Another_places_mayor_is_not_ours() =>
        Assert.Null(Misrepresentation("The Mayor of London said the fares will be frozen"));

    [Theory]
    [InlineData("Solicitor's view: the town council has no power to ban the market")]
    [InlineData("My barrister friend's opinion is that the council would lose on appeal")]
    public void An_opinion_named_by_a_noun_is_not_the_councils_claim(string text) => Assert.Null(Misrepresentation(text));

    [Fact]
    public void A_look_alike_account_suspending_a_service_is_a_claim() =>
        Assert.NotNull(Misrepresentation("Garden waste collections are suspended until further notice.", TestData.Account("LeighTC_Help", "Leigh Town Council Help")));

    [Theory]
    [InlineData("x.com/LeighTownCouncil/status/{0}?s=20")]
    [InlineData("https://twitter.com/LeighTownCouncil/status/{0}/")]
    public void A_report_linking_the_official_post_in_any_form_is_not_flagged(string link)
    {
        var statements = new OfficialStatements();
        var official = TestData.Post("The seafront toilets are closed for repairs until May.", TestData.Official) with
        {
            Id = "1870011122233344455",
            Url = "https://x.com/LeighTownCouncil/status/1870011122233344455",
        };
        statements.Add(official);
        var report = "The town council has closed the seafront toilets until May " + string.Format(System.Globalization.CultureInfo.InvariantCulture, link, official.Id);
        Assert.Null(Misrepresentation(report, statements: statements));
    }

    [Fact]
    public void A_headline_with_the_council_as_passive_agent_reports_a_change() =>
        Assert.NotNull(Misrepresentation("Pool Opening Hours Slashed By Town Council"));

    [Theory]
    [InlineData("Have your say on the town council's plans for the harbour, survey closes Friday")]
    [InlineData("Take the survey on the council's plans for the park before it closes")]
    public void An_invitation_to_take_part_is_not_a_claim(string text) => Assert.Null(Misrepresentation(text));

    [Theory]
    [InlineData("The town council quietly brought in charges at the harbour car park")]
    [InlineData("Councillors are getting rid of the free Sunday bus")]
    [InlineData("LTC has signed a deal with a private firm to run the lido")]
    [InlineData("Town council rubber-stamped the new beach hut fees last night")]
    public void Idioms_of_deciding_with_the_council_as_subject_are_claims(string text) => Assert.NotNull(Misrepresentation(text));

    [Theory]
    [InlineData("I signed the council's petition about the harbour car park")]
    [InlineData("Did the council bring in the new bins yet?")]
    public void The_same_idioms_said_by_someone_else_or_asked_are_not_claims(string text) => Assert.Null(Misrepresentation(text));

    // ---- look-alikes asking for money or details, claiming to be the real one; reports citing other platforms ----

    private static AccountInput LookAlike => TestData.Account("LeighTC_Support", "Leigh Town Council Support");

    [Theory]
    [InlineData("You are owed a parking refund of £48. Send your card number and expiry date to claim it.")]
    [InlineData("Verify your bank details within 24 hours or your beach hut booking will be cancelled.")]
    [InlineData("From Monday a £5 booking fee applies to every community hall hire.")]
    [InlineData("This is the real council account. The old page is fake, please unfollow it.")]
    [InlineData("Ignore the other account, it has been hacked; follow us here.")]
    [InlineData("A £15 bulky item collection charge starts in May.")]
    [InlineData("Please note this is now the only genuine page. The previous profile has been hacked.")]
    [InlineData("This is now our only official page; the old page is fake.")] // "official page" in a look-alike's mouth names itself, not a source
    public void A_look_alike_asking_for_money_or_details_or_claiming_to_be_real_is_a_claim(string text)
    {
        var flag = Misrepresentation(text, LookAlike);
        Assert.NotNull(flag);
        Assert.Contains("speaks in the council's voice", flag.Evidence["summary"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Beware: a page asking for your card number is not us, the real council page never asks for bank details.")]
    [InlineData("A page called Leigh Town Council Support says a booking fee applies now, but the council's own page says nothing. Which is right?")]
    [InlineData("Somebody posing as Leigh Town Council has told my mum her bins will be charged for. Reported it.")]
    [InlineData("A page calling itself the town council announced a £20 permit fee, total scam.")]
    public void A_resident_warning_about_a_look_alike_is_not_a_claim(string text) => Assert.Null(Misrepresentation(text));

    [Fact]
    public void A_look_alike_s_bare_request_for_details_is_left_to_the_impersonation_flag() =>
        Assert.Null(Misrepresentation("DM us your card details for the permit.", LookAlike));

    [Theory]
    [InlineData("As the council said on Facebook, the seafront toilets are closed for repairs until May.")]
    [InlineData("Leigh Town Council posted on Instagram that the seafront toilets are shut for repairs till May.")]
    public void A_report_citing_the_council_on_another_platform_is_not_flagged(string text)
    {
        var statements = new OfficialStatements();
        statements.Add(TestData.Post("The seafront toilets are closed for repairs until May.", TestData.Official));
        Assert.Null(Misrepresentation(text, statements: statements));
    }

    [Fact]
    public void Citing_another_platform_does_not_excuse_a_contradiction()
    {
        var statements = new OfficialStatements();
        statements.Add(TestData.Post("The beach clean goes ahead on Sunday 14 June at 10am at Bell Wharf.", TestData.Official));
        var flag = Misrepresentation("The council said on Facebook that the Bell Wharf beach clean on Sunday 14 June is cancelled.", statements: statements);
        Assert.NotNull(flag);
        Assert.NotNull(flag.Evidence["contradicts"]);
    }

    [Theory]
    [InlineData("For anyone at the council after Jan Price, her mobile is 07700 900871.")]
    [InlineData("The clerk asked for Paul Dent's home email for the council list, it's pauldent@example.com")]
    public void A_staff_personal_data_leak_is_not_also_a_misrepresentation(string text)
    {
        var flags = _classifier.CheckPost(TestData.Post(text, TestData.Staff), new OfficialStatements());
        Assert.Contains(RuleNames.ConfidentialLeak, TestData.Rules(flags));
        Assert.DoesNotContain(RuleNames.Misrepresentation, TestData.Rules(flags));
    }

    // Round 5: the council as the subject of a verb of position, and concealment put on the council.
    [Theory]
    [InlineData("Leigh TC back the new flats on the cliffs")]
    [InlineData("Town council wants the skate park gone by Christmas.")]
    [InlineData("LTC opposes the lifeboat station extension")]
    public void The_council_as_subject_of_a_position_verb_is_a_position(string text)
    {
        var flag = Misrepresentation(text);
        Assert.NotNull(flag);
        Assert.Contains("states a position as the council's", flag.Evidence["summary"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("The town council wants your views on the play park.")]
    [InlineData("LTC wants feedback on the new bus shelter designs.")]
    public void The_council_wanting_the_publics_views_is_not_a_position(string text) => Assert.Null(Misrepresentation(text));

    [Theory]
    [InlineData("Leigh Town Council is hiding the true cost of the new signs")]
    [InlineData("The council are keeping quiet about the flood survey")]
    [InlineData("LTC sitting on the air quality report for months")]
    public void Concealment_put_on_the_council_is_a_claim(string text)
    {
        var flag = Misrepresentation(text);
        Assert.NotNull(flag);
        Assert.Contains("says the council is hiding something", flag.Evidence["summary"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    [Fact]
    public void The_writer_keeping_quiet_is_not_concealment_by_the_council() =>
        Assert.Null(Misrepresentation("I'm keeping quiet about the council elections, not my business"));

    // Round 5: a resident warning that a look-alike's claim is not the council's.
    [Theory]
    [InlineData("That page saying the market is cancelled isn't the council. Ignore it.")]
    [InlineData("Careful, it's a fake page: the town council has not cancelled the fair.")]
    public void A_warning_about_a_look_alike_is_not_a_claim(string text) => Assert.Null(Misrepresentation(text));

    // Round 5: a look-alike announcing in an impersonal voice, and money offered in the council's name.
    [Theory]
    [InlineData("Garden waste collections change to fortnightly from 3 May.")]
    [InlineData("The Thursday market moves to Sundays from next month.")]
    [InlineData("£250 support grants for every household in the town. Message us to apply.")]
    public void A_look_alike_announcing_without_we_is_a_claim(string text) =>
        Assert.NotNull(Misrepresentation(text, TestData.Account("LeighTC_Info", "Leigh Town Council Info")));

    [Fact]
    public void A_resident_saying_the_same_without_the_council_is_not_a_claim() =>
        Assert.Null(Misrepresentation("Our book club moves to Sundays from next month."));
}

