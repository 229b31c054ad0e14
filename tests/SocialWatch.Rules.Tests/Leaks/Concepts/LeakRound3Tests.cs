using SocialWatch.Rules.Leaks;
using SocialWatch.Rules.Normalisation;

namespace SocialWatch.Rules.Tests.Leaks.Concepts;

/// <summary>
/// Round 3 leak concepts: secrecy said as a place the matter must not leave ("between these four walls",
/// "stays in this room"), a list of quoted sums in words, and a group's names with their numbers. Each with
/// hard negatives that share the words but not the concept.
/// </summary>
public sealed class LeakRound3Tests
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
    [InlineData("Between these four walls, the committee picked the cheaper cleaning firm")]
    [InlineData("This stays in the chamber, but the depot lease goes to the Harbour Trust")]
    [InlineData("What's said at committee stays there: members voted to sell the bowls pavilion")]
    [InlineData("Goes no further, ok? The precept is going up again")]
    [InlineData("This mustn't leave the office: the contract is going to Hallam Builders")]
    [InlineData("Between you, me and the lamppost, the council is dropping the fireworks night")]
    [InlineData("For your ears only - the tender for the pavilion came in way over budget")]
    public void Secrecy_said_as_a_place_the_matter_must_not_leave_is_a_leak(string text) =>
        Assert.Contains("secrecy", Concepts(text));

    [Theory]
    [InlineData("What's said at book club stays at book club, but I loved that novel")]
    [InlineData("Between these four walls I have painted three colours this year")]
    [InlineData("The piano stays in the room for the recital on Sunday")]
    public void The_same_idioms_about_private_life_are_not_a_leak(string text) => Assert.Null(Leak(text));

    [Theory]
    [InlineData("Quotes in for the pavilion roof: nine thousand two hundred, eleven and a half, and thirteen thousand")]
    [InlineData("Three bids back for the CCTV: fifteen thousand, sixteen thousand eight hundred or twenty-one grand")]
    public void A_list_of_quoted_sums_in_words_is_a_leak(string text) =>
        Assert.Contains("pre_decision_figures", Concepts(text));

    [Theory]
    [InlineData("Quotes in the Echo today from residents about the fireworks, lovely to read")]
    [InlineData("Two, three or four thousand people came to the fireworks, what a night")]
    [InlineData("We had nine, ten and eleven year olds at the quiz, thanks for the quotes of support")]
    public void Numbers_in_words_that_are_no_quoted_prices_are_not_a_leak(string text) => Assert.Null(Leak(text));

    [Theory]
    [InlineData("Screenshot of the allotment group with everyone's names and mobile numbers below")]
    [InlineData("Here's the volunteers' names and home addresses in a list, share away")]
    public void A_group_s_names_with_their_numbers_is_a_leak(string text) =>
        Assert.Contains("contact_list", Concepts(text));

    [Theory]
    [InlineData("Please don't share screenshots of people's mobile numbers online")]
    [InlineData("Our names and numbers are on the noticeboard outside the office")]
    public void Talk_about_contact_details_that_shares_none_is_not_a_leak(string text) => Assert.Null(Leak(text));

    [Theory]
    [InlineData("Interviews tomorrow, one of the candidates is the head of maths at the academy")]
    [InlineData("Guess who applied for the clerk's job? The woman who runs the florist on the Broadway")]
    public void A_candidate_identified_by_their_job_or_place_is_a_leak(string text) =>
        Assert.Contains("recruitment_candidate", Concepts(text));

    [Theory]
    [InlineData("We're interviewing for a finance assistant, details on the website")]
    [InlineData("Interviews are run by the clerk at the office on Elm Road")]
    public void Recruitment_that_identifies_nobody_is_not_a_leak(string text) => Assert.Null(Leak(text));

    [Theory]
    [InlineData("Stuart is off for six weeks after his knee op, so the rota is a mess")]
    [InlineData("Poor Bev has chemo again this week, events are a person down")]
    public void A_colleague_s_health_matter_by_first_name_is_a_leak(string text) =>
        Assert.Contains("health_matter", Concepts(text));

    [Theory]
    [InlineData("Our dog Biscuit is home after his op, thank you to the vets")]
    [InlineData("The operation to clear the drains on Elm Road starts Monday")]
    [InlineData("Today is the day of the big charity surgery walk, come along")]
    public void Operations_that_are_no_colleague_s_health_are_not_a_leak(string text) => Assert.Null(Leak(text));

    [Fact]
    public void A_proceeding_about_a_person_named_later_in_the_sentence_is_a_leak() =>
        Assert.Contains("hr_matter", Concepts(
            "The disciplinary hearing on Thursday went about as badly as anyone in the room could have expected, especially for poor Gary Linton"));

    [Theory]
    [InlineData("Really useful session this morning on how to run a disciplinary hearing fairly and calmly for everyone involved, huge thanks to the organisers and Laura Bennett")]
    [InlineData("The disciplinary policy was updated this spring and is on the website for anyone who wants it. Questions on it go to Laura Bennett")] // another sentence
    public void A_person_who_ran_or_answers_for_a_proceeding_is_not_its_subject(string text) => Assert.Null(Leak(text));
}
