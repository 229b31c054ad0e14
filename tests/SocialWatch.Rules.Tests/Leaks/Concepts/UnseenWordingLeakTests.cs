namespace SocialWatch.Rules.Tests.Leaks.Concepts;

/// <summary>
/// The leak concepts in the wordings unseen text used and the rules missed: a member telling a decision
/// before it is announced, a forwarded or pasted internal message, a plea not to share before a sum or a
/// decision, a candidate identified through a relative's shop or workplace; and the false alarm beside
/// them, a councillor's advice surgery. Several wordings each, with hard negatives.
/// </summary>
public sealed class UnseenWordingLeakTests
{
    private readonly Classifier _classifier = LeakTestData.Classifier();

    private RuleFlag? Leak(string text) => _classifier.StaffLeak(text);

    private List<string> Concepts(string text) => _classifier.LeakConcepts(text);

    [Theory]
    [InlineData("I have to tell you straight: the council will be selling the depot next year")]
    [InlineData("You heard it here first, we are scrapping the Christmas lights")]
    [InlineData("I can confirm the council is closing the Broadway toilets in the spring")]
    [InlineData("ahead of the announcement: they're moving the market to Sundays")]
    public void A_decision_told_before_it_is_announced_is_a_leak(string text) =>
        Assert.Contains("insider_announcement", Concepts(text));

    [Theory]
    [InlineData("I have to tell you straight, I think the precept is too high")]
    [InlineData("You heard it here first: my daughter is getting married!")]
    [InlineData("As agreed at the public meeting, the council will resurface the Broadway in May")]
    public void An_opinion_or_news_of_ones_own_is_not_a_leak(string text) => Assert.Null(Leak(text));

    [Theory]
    [InlineData("Fwd: budget options - officers recommend closing the kiosk")]
    [InlineData("pasted from the clerk's email: the draft proposes cutting the events grant")]
    [InlineData("copying this straight from the internal memo, the lease goes to the sailing club")]
    public void A_forwarded_or_pasted_internal_message_is_a_leak(string text) =>
        Assert.Contains("internal_document", Concepts(text));

    [Theory]
    [InlineData("pls dont share but the cheapest quote for the CCTV was twelve thousand")]
    [InlineData("please don't repeat, they've agreed to sell the yard")]
    [InlineData("don't share this but the fencing came in at nine grand")]
    public void A_plea_not_to_share_before_a_sum_or_decision_is_a_leak(string text) =>
        Assert.Contains("secrecy", Concepts(text));

    [Theory]
    [InlineData("pls don't share my fundraiser link yet, it goes live tomorrow!")]
    [InlineData("please don't share photos of the kids from the fun day")]
    public void A_plea_not_to_share_something_private_is_not_a_leak(string text) => Assert.Null(Leak(text));

    [Theory]
    [InlineData("one of the applicants for the gardener job is the lad whose dad owns the garage on London Road")]
    [InlineData("the candidate we shortlisted works at her mum's florist on the Broadway")]
    [InlineData("interviewing tomorrow: the girl whose family runs the chippy")]
    public void A_candidate_identified_through_a_relatives_business_is_a_leak(string text) =>
        Assert.Contains("recruitment_candidate", Concepts(text));

    [Theory]
    [InlineData("my dad owns the garage on London Road, pop in for an MOT")]
    [InlineData("We're recruiting a gardener, see the council website")]
    public void A_relatives_business_without_a_candidate_is_not_a_leak(string text) => Assert.Null(Leak(text));

    [Theory]
    [InlineData("My advice surgery is on Saturday 10-12 at the library, drop in")]
    [InlineData("Cllr Tom Hadley's surgery at the community centre is cancelled this week")]
    [InlineData("Busy surgery this morning with Jane Porter: potholes and bins")]
    [InlineData("ward surgery moved to Thursday 6pm")]
    public void A_councillors_advice_surgery_is_not_a_health_matter(string text) => Assert.Null(Leak(text));

    [Theory]
    [InlineData("Lorraine's surgery on her shoulder is next week so she's off for a month")]
    [InlineData("Ken Brady is recovering from knee surgery, off till June")]
    public void A_colleagues_operation_is_still_a_health_matter(string text) => Assert.NotNull(Leak(text));

    [Theory]
    [InlineData("Dawn's knee is swollen again, she won't be in this week")]
    [InlineData("Gary's off, his wrist is fractured")]
    public void A_colleagues_body_part_in_trouble_said_plainly_is_a_health_matter(string text) =>
        Assert.NotNull(Leak(text));

    [Theory]
    [InlineData("my back is sore after the fun run")]
    [InlineData("my knee is swollen after the 10k, never again")]
    [InlineData("the broken fence at the depot is fixed")]
    public void The_writers_own_aches_and_broken_things_are_not_a_health_matter(string text) => Assert.Null(Leak(text));

    [Theory]
    [InlineData("marked the quay resurfacing bids today, Wyre Surfacing like 82 out of a hundred, the other bidder well behind")]
    [InlineData("tender panel done: Ramp Co got about eighty out of a hundred, Skate Ltd sixty")]
    [InlineData("the panel gave the second bidder seven out of ten on quality")]
    public void A_tender_score_on_a_scale_said_in_words_is_a_leak(string text) =>
        Assert.Contains("pre_decision_figures", Concepts(text));

    [Theory]
    [InlineData("ninety out of a hundred people at the fun day said they'd come again")]
    [InlineData("I'd give the new cafe eight out of ten")]
    public void A_score_in_words_outside_a_selection_is_not_a_leak(string text) => Assert.Null(Leak(text));
}
