namespace SocialWatch.Rules.Tests.Leaks.Concepts;

/// <summary>
/// Each leak concept through the classifier, as a staff post: positives written from the concept and
/// hard negatives that share its words but not its meaning.
/// </summary>
public sealed class LeakConceptTests
{
    private readonly Classifier _classifier = LeakTestData.Classifier();

    private RuleFlag? Leak(string text) => _classifier.StaffLeak(text);

    private void AssertConcept(string text, string concept) => Assert.Contains(concept, _classifier.LeakConcepts(text));

    // ---- secrecy said by idiom, with a disclosure ----

    [Theory]
    [InlineData("Keep this to yourself, but the committee picked the cheaper depot site")]
    [InlineData("Between you and me the clerk's report recommends selling the pavilion")]
    [InlineData("You didn't hear it from me: members voted to drop the summer fair")]
    [InlineData("Not for sharing yet – the allotment rent goes up to £85 next year")]
    [InlineData("Under wraps for now, but the new events contract goes to a local firm")]
    [InlineData("Not supposed to say, but the grants panel turned down the skate park bid")]
    public void Secrecy_idiom_with_council_business_is_a_leak(string text) => AssertConcept(text, "secrecy");

    [Theory]
    [InlineData("Keep it quiet but I've booked a surprise trip to Rome 🤫")]
    [InlineData("Between us, I'm shattered after that long shift")]
    [InlineData("Off the record, my tomatoes are better than my neighbour's")]
    public void Secrecy_idiom_without_council_business_is_not_a_leak(string text) => Assert.Null(Leak(text));

    // ---- internal documents described in words ----

    [Theory]
    [InlineData("The internal memo says two posts in the office will go next April")]
    [InlineData("Read the draft play strategy tonight: it proposes closing three small play areas")]
    [InlineData("The consultant's report, not published until June, recommends a new car park charge")]
    public void Internal_or_unreleased_document_contents_are_a_leak(string text) => AssertConcept(text, "internal_document");

    [Theory]
    [InlineData("Long night working on the draft budget, send biscuits")]
    [InlineData("The draft town plan is out for consultation – have your say before 1 March")]
    public void Working_on_a_draft_or_pointing_to_a_consultation_is_not_a_leak(string text) => Assert.Null(Leak(text));

    // ---- pre-decision figures ----

    [Theory]
    [InlineData("Tender evaluation done: Acme scored 82/100, Bloggs 74/100")]
    [InlineData("The panel ranked Northside Cleaning first on quality")]
    [InlineData("Bids for the kiosk lease: one at forty-two thousand pounds, one at 42 grand")]
    [InlineData("Cheapest quote for the bandstand roof was £42k")]
    public void Scores_rankings_and_prices_before_a_decision_are_a_leak(string text) => AssertConcept(text, "pre_decision_figures");

    [Theory]
    [InlineData("The approved budget includes £20,000 for new benches")]
    [InlineData("Buying more $LTC at £80 a coin, wish me luck")]
    [InlineData("GBP/USD trading at 1.27, great time to buy euros for the holiday")]
    [InlineData("Our tender for grass cutting is on Contracts Finder, contract value £30,000 a year")]
    [InlineData("Did my first 5k run, offer of a pint afterwards gratefully accepted")]
    public void Public_budgets_market_prices_and_published_tenders_are_not_a_leak(string text) => Assert.Null(Leak(text));

    // ---- health or sickness absence of a named colleague ----

    [Theory]
    [InlineData("Poor Dave Morton is in hospital again, the office feels empty")]
    [InlineData("Our caretaker is off sick with anxiety for another month")]
    [InlineData("Jenny Marsh has a phased return after her diagnosis")]
    public void Health_of_a_named_colleague_is_a_leak(string text) => AssertConcept(text, "health_matter");

    [Theory]
    [InlineData("Mental health awareness week: look after yourselves")]
    [InlineData("Flu jabs at the pharmacy this week, no need to be off sick this winter")]
    public void Health_talk_about_no_one_is_not_a_leak(string text) => Assert.Null(Leak(text));

    // ---- recruitment details identifying a candidate ----

    [Theory]
    [InlineData("Shortlisted Peter Grant for the deputy clerk job, interviews Friday")]
    [InlineData("Sarah Cole applied for the admin post, she's currently at the county council")]
    public void A_named_candidate_is_a_leak(string text) => AssertConcept(text, "recruitment_candidate");

    [Theory]
    [InlineData("We're recruiting an assistant clerk – apply on our website by 5 January")]
    [InlineData("Interviews for the clerk post are next week, fingers crossed we find someone good")]
    public void Recruitment_without_a_named_candidate_is_not_a_leak(string text) => Assert.Null(Leak(text));

    // ---- closed session ----

    [Theory]
    [InlineData("Behind closed doors tonight the chair read out the developer's demand for the land")]
    [InlineData("Press and public excluded for the last item, where members agreed to sue the contractor")]
    [InlineData("In camera: we decided the community hall manager's contract won't be renewed")]
    [InlineData("Exempt business tonight about the boatyard lease, a tricky one")]
    public void What_was_said_or_decided_in_a_closed_session_is_a_leak(string text) => AssertConcept(text, "closed_session");

    [Theory]
    [InlineData("Agenda is published on the council website; one Part 2 item at the end as usual")]
    [InlineData("Meeting tonight, there's a Part 2 item so the public will be asked to leave")]
    public void Mentioning_a_closed_session_without_telling_it_is_not_a_leak(string text) => Assert.Null(Leak(text));

    // ---- lists or screenshots of people's contact details ----

    [Theory]
    [InlineData("Here's a screenshot of the volunteers' phone numbers so we can sort the rota")]
    [InlineData("Attached the spreadsheet with everyone's home addresses from the petition")]
    public void A_list_of_peoples_contact_details_is_a_leak(string text) => AssertConcept(text, "contact_list");

    [Theory]
    [InlineData("Our contact details are on the council website if you need us")]
    [InlineData("List of useful numbers for the winter: NHS 111 and the police on 101")]
    public void The_organisations_own_contacts_are_not_a_leak(string text) => Assert.Null(Leak(text));

    // ---- personal data from the recognisers ----

    [Theory]
    [InlineData("Refund for the hall hire goes to sort code 20-45-67, account 41234567, Mrs Ada Lane")]
    [InlineData("New starter's DOB is 14/02/1979 for the pension form")]
    [InlineData("The complaint is about a van parked on the verge, reg LM67 XYZ, every night")]
    [InlineData("Tell the tenant at 12 Mill Lane the repairs are booked")]
    public void Personal_data_found_by_a_recogniser_is_a_leak(string text) => AssertConcept(text, "personal_data");

    [Theory]
    [InlineData("Call the office on 01702 716288 or pop in to 71-73 Elm Road")]
    [InlineData("Ring us on +44 1702 716288 any weekday")]
    [InlineData("Email council@leighonseatowncouncil.gov.uk with questions")]
    public void The_organisations_configured_public_contacts_are_not_personal_data(string text) => Assert.Null(Leak(text));

    [Fact]
    public void Without_configured_public_contacts_the_same_number_is_personal_data()
    {
        var classifier = TestData.Classifier(); // a watch list with no PublicContacts
        Assert.NotNull(classifier.StaffLeak("Call 01702 716288 any weekday"));
    }
}
