namespace SocialWatch.Rules.Tests.Misrepresentation;

/// <summary>
/// Round 3 claim structures: the future said in the present progressive with a time to come, reported
/// speech whose "would" is the council's "will", a why-question that takes a council act as given, and a
/// demand said with "now" and no verb of deciding. Each with hard negatives. Patterns only (no model).
/// </summary>
public sealed class Round3ClaimTests
{
    private readonly Classifier _classifier = TestData.Classifier(new RulesOptions { UseEmbeddings = false });
    private readonly OfficialStatements _statements = new();

    private RuleFlag? Misrepresentation(string text) =>
        _classifier.CheckPost(TestData.Post(text), _statements).SingleOrDefault(f => f.Rule == RuleNames.Misrepresentation);

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
}
