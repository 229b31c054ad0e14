namespace SocialWatch.Rules.Tests.Leaks;

public sealed class LeakRuleTests
{
    private readonly Classifier _classifier = LeakTestData.Classifier();
    private readonly OfficialStatements _statements = new();

    private RuleFlag? Leak(string text, AccountInput? author = null) =>
        _classifier.CheckPost(TestData.Post(text, author ?? TestData.Staff), _statements).SingleOrDefault(f => f.Rule == RuleNames.ConfidentialLeak);

    [Theory]
    [InlineData("Quotes in for the new railings: Acme £7,900 and Bloggs £9,250. Hope we go local!")]
    [InlineData("The bids came in at 48.5k and just under fifty grand, tender closes Friday")]
    [InlineData("Only two firms bid for the contract, cheapest was forty-eight thousand pounds")]
    [InlineData("In Part 2 last night members agreed to buy the depot")]
    [InlineData("Exempt item at committee: the lease renewal was approved")]
    [InlineData("Closed session tonight agreed to write off the arrears")]
    [InlineData("The draft budget (not public yet!) has reserves falling")]
    [InlineData("Embargoed till Monday but the committee report recommends closing the hall")]
    [InlineData("Between us, the tender winner is Acme")]
    [InlineData("The complainant is Jane Doe, her number is 07700 900123")]
    [InlineData("Resident's email is jane.doe@example.com if you want to reply")]
    [InlineData("Karen Smith has been signed off with stress again")]
    [InlineData("The caretaker's disciplinary hearing is next week")]
    [InlineData("New starter Bob Jones, NI AB 12 34 56 C, payroll from Monday")]
    [InlineData("Patient Fred Bloggs NHS 943 476 5919")]
    [InlineData("Pаrt 2 tonight: we agreed the settlement")] // Cyrillic а
    [InlineData("Ex\u200Bempt item at F&GP: the clerk's pay regrade approved")] // zero-width space
    public void Staff_posts_disclosing_confidential_material_are_flagged(string text)
    {
        var flag = Leak(text);
        Assert.NotNull(flag);
        Assert.Equal(Severities.High, flag.Severity);
        Assert.NotEmpty(flag.Evidence["signals"]!.AsArray());
    }

    [Theory]
    [InlineData("Our grounds maintenance tender is now live. Full notice: leighonseatowncouncil.gov.uk/tenders")]
    [InlineData("Agenda for F&GP is published: leighonseatowncouncil.gov.uk/meetings (Part 2 items aren't published, as usual.)")]
    [InlineData("Approved minutes are now published on the council website")]
    [InlineData("Best tender steak I've had in ages on the Broadway")]
    [InlineData("Quote of the day from my 5yo: the sea is a big bath")]
    [InlineData("Money, money, money - what a night at the ABBA tribute")]
    [InlineData("I was told to keep it confidential but WE'RE ENGAGED")]
    [InlineData("Call the office on 01702 716288 or email council@leighonseatowncouncil.gov.uk")]
    [InlineData("Parkrun PB this morning, 26:41!")]
    [InlineData("Community grants of up to £1,500 are open, see the council website")]
    [InlineData("Blue badge holders are exempt from the charges")]
    [InlineData("")]
    [InlineData("\0\0\uD800 \u202E\u200B")]
    public void Public_notices_and_innocent_posts_are_not_flagged(string text) => Assert.Null(Leak(text));

    [Fact]
    public void Posts_by_accounts_that_are_not_staff_are_not_checked_for_leaks() =>
        Assert.Null(Leak("Quotes in: Acme £7,900, Bloggs £9,250", TestData.Account()));

    [Fact]
    public void Evidence_gives_the_matched_spans_with_original_offsets()
    {
        const string text = "Fireworks quotes: Skyburst £6,400, Phoenix £5,950";
        var flag = Leak(text)!;
        var signals = flag.Evidence["signals"]!.AsArray();
        var money = signals.First(s => s!["kind"]!.GetValue<string>() == "money")!;
        var start = money["start"]!.GetValue<int>();
        var length = money["length"]!.GetValue<int>();
        Assert.Equal(money["text"]!.GetValue<string>(), text.Substring(start, length));
        Assert.Equal(PolicyClauses.ConfidentialInformationDefined, flag.ClauseKey);
    }

    [Theory]
    [InlineData("Refund to sort code 20-45-67 account 41234567 for the resident", "bank sort code and account number", "data-protection")]
    [InlineData("Karen Smith has been signed off with stress again", "health", "data-protection")]
    [InlineData("Quotes in for the railings: Acme £7,900 and Bloggs £9,250", "price", "tender costs")]
    [InlineData("In Part 2 last night members agreed to buy the depot", "closed session", "confidential")]
    public void Every_flag_carries_one_plain_sentence_saying_what_and_why(string text, string what, string why)
    {
        var flag = Leak(text)!;
        var summary = flag.Evidence["summary"]!.GetValue<string>();
        Assert.StartsWith("A registered staff account posted", summary, StringComparison.Ordinal);
        Assert.EndsWith(".", summary, StringComparison.Ordinal);
        Assert.Contains(what, summary, StringComparison.OrdinalIgnoreCase);
        Assert.Contains(why, summary, StringComparison.OrdinalIgnoreCase);
        Assert.NotEmpty(flag.Evidence["signals"]!.AsArray()); // the technical signals stay beside it
        Assert.NotEmpty(flag.Evidence["concepts"]!.AsArray());
    }

    [Fact]
    public void Personal_data_signals_name_the_recogniser_its_score_and_why()
    {
        const string text = "Her mobile is 07700 900123";
        var signal = Leak(text)!.Evidence["signals"]!.AsArray().First(s => s!["kind"]!.GetValue<string>() == "uk_phone_number")!;
        Assert.Equal("PhoneNumberRecogniser", signal["recogniser"]!.GetValue<string>());
        Assert.InRange(signal["score"]!.GetValue<double>(), 0.5, 1.0);
        Assert.Contains("mobile", signal["why"]!.GetValue<string>());
        Assert.Equal("07700 900123", text.Substring(signal["start"]!.GetValue<int>(), signal["length"]!.GetValue<int>()));
    }

    [Fact]
    public void The_organisations_own_name_is_not_taken_for_a_persons_name()
    {
        // "Leigh" comes from the watch file's names; with a watch list for another town the same word is a surname.
        Assert.Null(Leak("Leigh Regatta shortlist for the volunteer coordinator post is long this year"));
        var elsewhere = TestData.Watch();
        elsewhere.Organisation.Names = ["Rayleigh Town Council"];
        elsewhere.Organisation.Aliases = ["RTC"];
        var other = new Classifier(elsewhere, new RulesOptions(), [TestData.LogoHash]);
        var flags = other.CheckPost(TestData.Post("Leigh Regatta shortlist for the volunteer coordinator post is long this year", TestData.Staff), _statements);
        Assert.Contains(flags, f => f.Rule == RuleNames.ConfidentialLeak);
    }

    // ---- Regression: a street address alone is not a resident's personal data ----

    [Theory]
    [InlineData("Free bike outside number 19 Elm Road, first come first served")]
    [InlineData("Free cot outside number 63 Thames Drive, first come first served")]
    [InlineData("Roadworks outside 5 London Road all week, go round via Leigh Hill")]
    [InlineData("Selling a sofa, collection from 12 Rectory Grove, £40 ono")]
    public void A_street_address_without_a_person_is_not_a_leak(string text) => Assert.Null(Leak(text));

    [Theory]
    [InlineData("Anyone able to help, please contact Mrs Jean Wallis at 14 Marine Parade, SS9 2NA")]
    [InlineData("The complaint came from Julie Haskins at 22 Grand Parade again")]
    [InlineData("The resident who keeps complaining lives at 3 Cliff Parade")]
    [InlineData("Noise complaint from 9 Leigh Hall Road, SS9 1RL, third this month")]
    public void A_street_address_tied_to_a_person_or_a_postcode_is_a_leak(string text)
    {
        var flag = Leak(text);
        Assert.NotNull(flag);
        Assert.Equal(PolicyClauses.DataProtection, flag.ClauseKey);
    }
}
