using SocialWatch.Rules.Misrepresentation;

namespace SocialWatch.Rules.Tests.Misrepresentation;

/// <summary>
/// Round 9's concepts, patterns only: a member or officer telling a council decision as done (the label settled
/// in round 9), genuine questions with doubled marks, denials and corrections of a decision, and another body's
/// act named as not the council's. Each beside hard negatives sharing its words, in several wordings.
/// </summary>
public sealed class RoundNineClaimTests
{
    private readonly Classifier _classifier = TestData.Classifier(new RulesOptions { UseEmbeddings = false });

    private RuleFlag? Misrepresentation(string text, AccountInput? author = null) =>
        _classifier.CheckPost(TestData.Post(text, author ?? TestData.Account()), new OfficialStatements())
            .SingleOrDefault(f => f.Rule == RuleNames.Misrepresentation);

    [Theory]
    [InlineData("In the closed part of Tuesday's meeting we voted to sell the Rectory Grove lock-ups.")]
    [InlineData("we've decided to move the Christmas market to Library Gardens this year")]
    [InlineData("We agreed last night to end the cleaning contract, they don't know yet")]
    [InlineData("Part 2 tonight: members agreed to settle the claim for £9,000.")]
    [InlineData("As your council we've said no to the phone mast on Hadleigh Road.")]
    [InlineData("Don't tell anyone but we're buying the old fire station for the depot")]
    [InlineData("shh, the committee has chosen Seaview Builders for the pavilion")]
    [InlineData("Behind closed doors we've made our minds up on the café lease.")]
    public void A_member_telling_a_council_decision_as_done_is_a_claim(string text)
    {
        Assert.NotNull(Misrepresentation(text, TestData.Councillor));
        Assert.NotNull(Misrepresentation(text, TestData.Staff));
    }

    [Theory]
    [InlineData("We discussed the Rectory Grove lock-ups at length on Tuesday, no decision yet.")]
    [InlineData("we'll decide on the Christmas market venue next month, tell me what you think")]
    [InlineData("I voted against the fireworks motion, for what it's worth.")]
    [InlineData("we agreed to meet on Tuesday to walk the regatta route")]
    [InlineData("We agreed at book club to read Wolf Hall next")]
    [InlineData("We agreed to sell the lock-ups at the March meeting, the minutes are now on the website")]
    [InlineData("Have we decided on the Christmas market venue yet?")]
    [InlineData("Honestly can't remember what we agreed on the benches, the minutes will say")]
    [InlineData("Personally I'd say no to the phone mast, but that's my view, not the council's.")]
    public void A_members_discussion_plan_own_vote_arrangement_or_published_decision_is_not(string text)
    {
        Assert.Null(Misrepresentation(text, TestData.Councillor));
    }

    [Fact]
    public void A_resident_telling_we_agreed_is_not_a_member_decision()
    {
        Assert.Null(Misrepresentation("We agreed to sell the car and get bikes instead"));
    }

    [Theory]
    [InlineData("is the bandstand concert still on this Sunday or not??")]
    [InlineData("is the council really closing the Cliff Gardens toilets??")]
    [InlineData("Leigh Town Council scrapping the bandstand concerts, is it true??")]
    [InlineData("so the council is selling the lock-ups, is that right?!")]
    [InlineData("is this real?? a page saying the council wants bank details for grants")]
    [InlineData("is it true?? someone said LTC voted to close the pool")]
    public void A_genuine_question_with_doubled_marks_is_not_a_claim(string text)
    {
        Assert.Null(Misrepresentation(text));
    }

    [Theory]
    [InlineData("council closing the Cliff Gardens toilets now??")]
    [InlineData("LTC putting allotment rents up to £60?!")]
    [InlineData("so the town council has banned dogs from Cliff Gardens?!")]
    public void A_statement_relayed_with_surprise_stays_a_claim(string text)
    {
        Assert.True(SurprisedRelay.Is(text.ToLowerInvariant()));
        Assert.NotNull(Misrepresentation(text));
    }

    [Theory]
    [InlineData("To be clear, the town council did not vote to close the bandstand.")]
    [InlineData("Fact check: Leigh Town Council hasn't agreed anything about selling the lock-ups.")]
    [InlineData("Nothing has been decided by the council on the fireworks.")]
    [InlineData("Leigh Town Council says no decision has been taken on plot rents.")]
    [InlineData("Correction: the town council has not scrapped the regatta.")]
    [InlineData("No, the council never voted to sell the pier.")]
    public void A_denial_of_the_decision_is_not_a_claim(string text)
    {
        Assert.Null(Misrepresentation(text));
    }

    [Theory]
    [InlineData("The council did not consult anyone before closing the Cliff Gardens toilets.")]
    [InlineData("The town council didn't even tell us, but it sold the lock-ups.")]
    [InlineData("The council will not renew the market lease.")]
    public void A_denial_of_something_else_still_asserts_the_decision(string text)
    {
        Assert.NotNull(Misrepresentation(text));
    }

    [Theory]
    [InlineData("The scheme is funded by members, not by the town council.")]
    [InlineData("The skate park money came from the Lottery, not from Leigh Town Council.")]
    [InlineData("Not the town council, it's the county council that's cutting the number 20 bus.")]
    public void Another_bodys_act_named_as_not_the_councils_is_not_a_claim(string text)
    {
        Assert.Null(Misrepresentation(text));
    }

    [Theory]
    [InlineData("is this real??", true)]
    [InlineData("is that legit?", true)]
    [InlineData("cant see it on the council page tho", true)]
    [InlineData("couldn't find anything on their website", true)]
    [InlineData("this is real progress for the town", false)]
    public void A_doubting_question_is_recognised(string sentence, bool doubts)
    {
        Assert.Equal(doubts, SurprisedRelay.Doubts(sentence));
    }

    [Theory]
    [InlineData("Do the toilets close or not? That LTC News page says yes but I can't see it on the council page")]
    [InlineData("Correction: an earlier version of this article said the town council had scrapped the Broadway lights.")]
    [InlineData("Correction: an earlier edition of this story said the town council had scrapped the Broadway lights.")]
    public void A_post_that_doubts_or_retracts_what_it_passes_on_is_not_a_claim(string text)
    {
        Assert.Null(Misrepresentation(text));
    }

    [Theory]
    [InlineData("i can see it on the council page")]
    [InlineData("wait is it friday now??")]
    public void A_post_that_finds_it_or_asks_something_else_is_not_doubting(string sentence)
    {
        Assert.False(SurprisedRelay.Doubts(sentence));
    }

    [Fact]
    public void A_question_beside_a_relayed_claim_leaves_the_claim()
    {
        Assert.NotNull(Misrepresentation("wait is it friday now?? leigh town council says the switch-on moved to the 27th"));
    }

    private static readonly AccountInput LookAlike = TestData.Account("LeighTownCounci1", "Leigh Town Counci1", "91");

    private RuleFlag? LookAlikeRepeating(string statement, string text)
    {
        var statements = new OfficialStatements();
        statements.Add(TestData.Post(statement, TestData.Official, at: new DateTimeOffset(2026, 9, 1, 9, 0, 0, TimeSpan.Zero)));
        return _classifier.CheckPost(TestData.Post(text, LookAlike), statements).SingleOrDefault(f => f.Rule == RuleNames.Misrepresentation);
    }

    [Theory]
    [InlineData("Small grants of up to £750 are open to local groups until 30 June.", "Small grants of up to £750 are open to local groups until 30 June. Reply with your group's bank details to apply.")]
    [InlineData("Allotment rents stay at £35 a year for 2028/29.", "Allotment rents stay at £35 a year. Message us your card number and expiry date to renew.")]
    [InlineData("Bandstand concerts every Sunday in August, 2pm to 4pm, free to attend.", "Bandstand concerts every Sunday in August, 2pm to 4pm. Send us your full name, home address and date of birth to reserve a seat.")]
    public void A_look_alike_repeating_an_announcement_with_a_request_for_details_is_a_claim(string statement, string text)
    {
        Assert.NotNull(LookAlikeRepeating(statement, text));
    }

    [Theory]
    [InlineData("Small grants of up to £750 are open to local groups until 30 June.", "Small grants of up to £750 are open to local groups until 30 June. Apply through the form on the website.")]
    [InlineData("Allotment rents stay at £35 a year for 2028/29.", "Allotment rents stay at £35 a year for 2028/29, no new charges.")]
    [InlineData("Allotment rents stay at £35 a year for 2028/29.", "DM us your card details to get your permit refunded")]
    public void A_look_alike_repeating_accurately_or_a_bare_request_is_not(string statement, string text)
    {
        Assert.Null(LookAlikeRepeating(statement, text));
    }

    [Theory]
    [InlineData("Latest from Leigh Town Council. Not affiliated with any party.", true)]
    [InlineData("Not affiliated with any political party", true)]
    [InlineData("Residents' page, not affiliated with the town council", false)]
    [InlineData("Unofficial fan page", false)]
    public void Neutrality_towards_parties_is_not_a_declaration_of_not_being_the_council(string bio, bool speaksAsCouncil)
    {
        var author = TestData.Account("LTC_Updates", "LTC Updates", "92") with { Bio = bio };
        var flag = _classifier.CheckPost(TestData.Post("Community grants of up to £1,500 are open! DM us your group's bank details to register.", author), new OfficialStatements())
            .SingleOrDefault(f => f.Rule == RuleNames.Misrepresentation);
        Assert.Equal(speaksAsCouncil, flag is not null);
    }
}
