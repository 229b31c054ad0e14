using SocialWatch.Rules.Leaks;
using SocialWatch.Rules.Normalisation;

namespace SocialWatch.Rules.Tests.Leaks.Concepts;

/// <summary>
/// The leak concepts said in other words than round 1 knew: secrecy by idiom, documents described by
/// who wrote or received them, prices in words, score tables inside a selection process, contact lists
/// by name. Each with hard negatives that share the words but not the concept.
/// </summary>
public sealed class LeakWordingTests
{
    private readonly Classifier _classifier = LeakTestData.Classifier();
    private readonly OfficialStatements _statements = new();

    private RuleFlag? Leak(string text) =>
        _classifier.CheckPost(TestData.Post(text, TestData.Staff), _statements).SingleOrDefault(f => f.Rule == RuleNames.ConfidentialLeak);

    private List<string> Concepts(string text)
    {
        var flag = Leak(text);
        Assert.NotNull(flag);
        return flag.Evidence["concepts"]!.AsArray().Select(c => c!.GetValue<string>()).ToList();
    }

    [Theory]
    [InlineData("My lips are sealed, but members voted to sell the bowls pavilion")]
    [InlineData("Entre nous, the committee picked the cheaper cleaning firm")]
    [InlineData("For your eyes only: the depot lease goes to the Harbour Trust")]
    [InlineData("Don't spread this around but the allotment rents are going up to £70")]
    [InlineData("You never heard this from me, the council is dropping the fireworks night")]
    public void Secrecy_idioms_with_council_business_are_a_leak(string text) => Assert.Contains("secrecy", Concepts(text));

    [Theory]
    [InlineData("For your eyes only: my holiday snaps from Cornwall 🌊")]
    [InlineData("My lips are sealed about what I'm getting the kids for Christmas")]
    public void Secrecy_idioms_about_private_life_are_not_a_leak(string text) => Assert.Null(Leak(text));

    [Fact]
    public void The_confidential_part_of_an_agenda_named_without_its_contents_is_not_a_leak() =>
        Assert.Null(Leak("Busy agenda tonight, the confidential items are taken last after the public leaves"));

    [Theory]
    [InlineData("The briefing that went round to councillors says the pool will shut in May")]
    [InlineData("Memo from the clerk: the office moves to the Community Centre in spring")]
    [InlineData("The first draft of the play strategy has four play areas closing")]
    [InlineData("The chair's email to members says we are settling with the contractor")]
    public void Documents_described_by_their_circulation_or_author_with_contents_are_a_leak(string text) =>
        Assert.Contains("internal_document", Concepts(text));

    [Theory]
    [InlineData("Email from the clerk about the Christmas party, can't wait 🎄")]
    [InlineData("First draft of my novel is done!")]
    public void Documents_without_their_contents_are_not_a_leak(string text) => Assert.Null(Leak(text));

    [Theory]
    [InlineData("The lowest quote for the roof came in at nineteen thousand four hundred")]
    [InlineData("Their bid was twelve and a half thousand a year for the kiosk lease")]
    public void Quotes_and_bids_in_words_are_a_leak(string text) => Assert.Contains("pre_decision_figures", Concepts(text));

    [Theory]
    [InlineData("Evaluation of the grounds contract: Verde 81, Parkcare 67, Greenlines 60")]
    [InlineData("Tender marks are back and Brightway came top on price")]
    public void Score_tables_in_a_selection_process_are_a_leak(string text) => Assert.Contains("pre_decision_figures", Concepts(text));

    [Theory]
    [InlineData("Scored 31 at bowls tonight and came top of the league")]
    [InlineData("Two thousand people came to the carnival, what a day")]
    [InlineData("Scores tonight: Reds 3, Blues 1, Greens 2")]
    public void Scores_and_counts_outside_a_selection_process_are_not_a_leak(string text) => Assert.Null(Leak(text));

    [Theory]
    [InlineData("Screenshot of the helpers' phone list is in the chat for Saturday")]
    [InlineData("Sharing the residents' contact list so we can ring round about the flooding")]
    public void A_contact_list_described_in_words_is_a_leak(string text) => Assert.Contains("contact_list", Concepts(text));

    [Theory]
    [InlineData("came in at twenty-three thousand five hundred", 23500)]
    [InlineData("the bid was eighteen and a half thousand a year", 18500)]
    public void Prices_in_words_after_a_price_cue_are_money(string text, decimal value) =>
        Assert.Equal(value, Assert.Single(MoneyParser.Find(TextFolding.Fold(text))).Value);

    [Fact]
    public void A_count_in_words_is_not_money() => Assert.Empty(MoneyParser.Find("three thousand people turned up"));

    [Theory]
    [InlineData("Once the public had gone, members agreed to settle with the builder for £14,000")]
    [InlineData("Press and public were asked to leave, then the chair read out the valuation of the yard")]
    [InlineData("In private the committee decided to end the kiosk lease")]
    public void Telling_what_was_said_after_the_public_was_sent_out_is_a_leak(string text) =>
        Assert.Contains("closed_session", Concepts(text));

    [Theory]
    [InlineData("The public were asked to leave the pier because of the storm")]
    [InlineData("Sent you the photos in private message")]
    public void The_public_leaving_without_a_meeting_matter_told_is_not_a_leak(string text) => Assert.Null(Leak(text));

    [Fact]
    public void Names_and_numbers_of_people_described_in_a_screenshot_are_a_contact_list() =>
        Assert.Contains("contact_list", Concepts("Screenshot of the bookers' names and numbers is in the group"));

    [Theory]
    [InlineData("Don't breathe a word, but we're selling the bowls club lease")]
    [InlineData("TOP SECRET: the carnival is moving to the seafront next year")]
    [InlineData("Shhhh, members have chosen the cheaper roofer")]
    public void More_secrecy_idioms_with_a_decision_told_are_a_leak(string text) => Assert.Contains("secrecy", Concepts(text));

    [Fact]
    public void Shushing_about_the_telly_is_not_a_leak() => Assert.Null(Leak("Shhh, the final is on 🤫"));

    [Theory]
    [InlineData("Dave from accounts has been diagnosed with diabetes")]
    [InlineData("Our receptionist is off sick again with her nerves")]
    public void A_colleague_named_by_team_or_post_with_their_health_is_a_leak(string text) => Assert.Contains("health_matter", Concepts(text));

    [Fact]
    public void A_named_colleague_with_a_written_warning_is_an_hr_matter() =>
        Assert.Contains("hr_matter", Concepts("Mark Fenton got a final written warning today after the van incident"));

    [Fact]
    public void Ones_own_family_illness_is_not_a_leak() => Assert.Null(Leak("My dad has been diagnosed with cancer, thanks for the kind words"));
}
