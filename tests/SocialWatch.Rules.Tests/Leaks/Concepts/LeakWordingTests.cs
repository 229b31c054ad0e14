using SocialWatch.Rules.Leaks;
using SocialWatch.Rules.Normalisation;

namespace SocialWatch.Rules.Tests.Leaks.Concepts;

/// <summary>
/// The leak concepts said in other words than round 1 knew: secrecy by idiom (also as a place the matter
/// must not leave), documents described by who wrote or received them, prices in words (also as a list of
/// quoted sums), score tables inside a selection process, contact lists by name or as a group's names with
/// their numbers, candidates and colleagues identified without their full name. Each with hard negatives
/// that share the words but not the concept.
/// </summary>
public sealed class LeakWordingTests
{
    private readonly Classifier _classifier = LeakTestData.Classifier();

    private RuleFlag? Leak(string text) => _classifier.StaffLeak(text);

    private List<string> Concepts(string text) => _classifier.LeakConcepts(text);

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

    // ---- quotes that came back, costings, spending told, people in lower case, homes by casework ----

    [Theory]
    [InlineData("The glaziers came back at nine and a half thousand for the library windows")]
    [InlineData("Resurfacing the car park is coming in at around forty grand")]
    public void A_quote_said_to_come_back_or_come_in_at_a_sum_is_a_leak(string text)
    {
        var flag = Leak(text);
        Assert.NotNull(flag);
        Assert.Contains("quotations and tender costs are confidential", flag.Evidence["summary"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Great turnout, the quiz came in at just under two hours")]
    [InlineData("The sunshine came back at four o'clock for the regatta")]
    [InlineData("The tombola came in at £380 for the air ambulance, thank you all")] // money raised, not a quote
    public void Came_back_or_came_in_at_without_a_sum_is_not_a_leak(string text) => Assert.Null(Leak(text));

    [Theory]
    [InlineData("Bandstand repaint, thirteen thousand; railings on top")]
    [InlineData("New lighting for the pier approach - thirty-two thousand, give or take")]
    public void An_item_with_its_cost_in_words_is_a_leak(string text)
    {
        var flag = Leak(text);
        Assert.NotNull(flag);
        Assert.Contains("what a piece of work will cost", flag.Evidence["summary"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Carnival parade, two thousand people expected on the front")]
    [InlineData("Litter pick, four hundred bags; volunteers, sixty. Amazing")]
    public void Counts_after_an_item_are_not_a_cost(string text) => Assert.Null(Leak(text));

    [Theory]
    [InlineData("£42k of our money on a website consultant and the accounts won't show it till summer")]
    [InlineData("Thirty grand of our reserves has gone on the drainage survey")]
    [InlineData("We paid £18,000 to consultants for the parking review")]
    public void Council_spending_told_by_staff_is_a_leak(string text) => Assert.Contains("unpublished_spending", Concepts(text));

    [Theory]
    [InlineData("£10 of my own money on raffle tickets and won nothing, typical")]
    [InlineData("£42k of our money went on the play park, all in the published accounts")]
    public void Own_money_or_published_spending_is_not_a_leak(string text) => Assert.Null(Leak(text));

    [Theory]
    [InlineData("our Jackie in the office is having her appendix out on Friday")]
    [InlineData("Our Neil from the depot is off with his back again")]
    public void A_colleague_by_first_name_and_where_they_work_with_a_health_matter_is_a_leak(string text) =>
        Assert.Contains("health_matter", Concepts(text));

    [Fact]
    public void Our_colleague_praised_is_not_a_leak() =>
        Assert.Null(Leak("Our Jackie in the office did brilliantly at the fun day"));

    [Theory]
    [InlineData("Shortlist is in: a former headteacher, an ex-army captain and a retired solicitor", "recruitment_candidate")]
    [InlineData("Down to three for the deputy clerk post, one of them someone who used to be a bank manager", "recruitment_candidate")]
    public void Candidates_described_by_their_past_jobs_are_a_leak(string text, string concept) => Assert.Contains(concept, Concepts(text));

    [Fact]
    public void A_public_shortlist_is_not_a_leak() =>
        Assert.Null(Leak("Shortlist for best allotment is out, vote on the council website"));

    [Theory]
    [InlineData("kevin barnes got a verbal warning this afternoon", "hr_matter")]
    [InlineData("tracey is off with stress again so reception is closed", "health_matter")]
    public void A_person_named_in_lower_case_beside_an_hr_or_health_word_is_a_leak(string text, string concept) =>
        Assert.Contains(concept, Concepts(text));

    [Theory]
    [InlineData("off sick myself today, back tomorrow hopefully")]
    [InlineData("will is off sick, meaning the will reading is postponed")] // "will" is a word before it is a name
    public void Lower_case_words_that_are_not_a_named_person_are_not_a_leak(string text) => Assert.Null(Leak(text));

    [Theory]
    [InlineData("Another noise complaint about 27 Cliff Parade, the third this week")]
    [InlineData("Can you pop round to 8 Hillside Road with the hedge notice")]
    public void A_house_address_in_casework_is_personal_data(string text) => Assert.Contains("personal_data", Concepts(text));

    [Fact]
    public void A_house_address_alone_is_not_personal_data() =>
        Assert.Null(Leak("Free bike outside 19 Cliff Parade if anyone wants it"));

    [Theory]
    [InlineData("Long Part 2 session tonight. What's said in the room stays in the room, sorry")]
    [InlineData("Committee ran late and what gets said in committee stays there, so don't ask me")]
    [InlineData("Exempt session later. Whatever is decided stays in the room, you know how it works")] // the idiom's own verb tells nothing
    public void A_secrecy_idiom_about_a_meeting_with_nothing_told_is_not_a_leak(string text) => Assert.Null(Leak(text));

    [Fact]
    public void A_secrecy_idiom_about_a_meeting_with_business_told_is_a_leak() =>
        Assert.Contains("secrecy", Concepts("Long session tonight. What's said in the room stays in the room, but the depot lease is going to Hallam"));

    // Round 5: secrecy said by the manner of doing it, by a look before release, by a thing that
    // "officially" does not exist, by a person not to be told, and by a decision not taken yet.
    [Theory]
    [InlineData("Very quietly, the bowls pavilion is being handed to the rowing club")]
    [InlineData("Sneak preview: beach hut fees go to £720 next year")]
    [InlineData("Officially the scheme doesn't exist, but the budget for it is £22,000")]
    [InlineData("Don't tell the chair I told you, but the kiosk lease is going to the ice cream van man for £9k")]
    [InlineData("Not signed off yet, but the new hall hire rate is £30 an hour")]
    public void Secrecy_said_by_manner_or_by_a_decision_not_yet_taken_is_a_leak(string text)
    {
        var flag = Leak(text);
        Assert.NotNull(flag);
        Assert.Contains("secrecy", Concepts(text));
        Assert.Contains("while saying it is not to be shared", flag.Evidence["summary"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Quietly proud of everyone who helped at the fun day")]
    [InlineData("Very quietly snuck out of the meeting early to watch the match")]
    [InlineData("Sneak peek of my garden this morning, the roses are out")]
    [InlineData("The plan was not approved, as the minutes on the website show")]
    public void Manner_words_with_nothing_of_council_business_told_are_not_a_leak(string text) => Assert.Null(Leak(text));

    [Theory]
    [InlineData("Keep it to yourself but the new gates cost about as much as a small car")]
    [InlineData("Between us, the consultant's report cost more than a family holiday")]
    public void A_cost_hinted_by_comparison_with_a_secrecy_cue_is_a_leak(string text) => Assert.Contains("secrecy", Concepts(text));

    [Fact]
    public void A_cost_by_comparison_without_a_secrecy_cue_is_not_a_leak() =>
        Assert.Null(Leak("New running shoes cost as much as a small car these days"));

    [Fact]
    public void Views_taken_round_the_room_with_business_told_are_a_closed_session() =>
        Assert.Contains("closed_session", Concepts("It went round the table and members are going with the cheaper grounds contract"));

    [Theory]
    [InlineData("Something was said behind closed doors last night that I still can't get over")]
    [InlineData("We went round the room introducing ourselves at the volunteers' evening")]
    public void A_closed_meeting_with_nothing_of_it_told_is_not_a_leak(string text) => Assert.Null(Leak(text));

    [Theory]
    [InlineData("Pic of the keyholder list for the pavilion so you know who to ring")]
    [InlineData("[image: names, addresses and phones of the allotment waiting list]")]
    public void Lists_of_key_holders_and_of_names_with_their_phones_are_a_contact_list(string text) =>
        Assert.Contains("contact_list", Concepts(text));

    [Theory]
    [InlineData("Our maintenance chap is off after his hernia op, back in June")]
    [InlineData("The caretaker has been signed off with anxiety for a month")]
    public void A_colleague_by_role_beside_a_health_word_is_a_leak(string text) => Assert.Contains("health_matter", Concepts(text));

    [Fact]
    public void A_colleague_by_role_without_a_health_word_is_not_a_leak() =>
        Assert.Null(Leak("Our caretaker has done a cracking job on the hall floor"));

    [Theory]
    [InlineData("Interviews done: one candidate works at the library, the other is a councillor's nephew")]
    [InlineData("On the shortlist: someone who works for the Port Authority and the clerk's sister-in-law")]
    public void Candidates_by_workplace_or_relative_are_a_leak(string text) => Assert.Contains("recruitment_candidate", Concepts(text));

    [Fact]
    public void Recruitment_naming_nobody_is_not_a_leak() =>
        Assert.Null(Leak("Interviews for the deputy clerk post are next week; the vacancy is on the website"));

    // ---- round 6: a colleague's body part in trouble, OH reports, denial cues, past jobs, staff lists ----

    [Theory]
    [InlineData("Poor Karen, the op on her knee got moved again")]
    [InlineData("Mandy's off again with her back, third time this year")]
    [InlineData("Debbie's hip's playing up so she won't be in all week")]
    [InlineData("Steve's having the operation on his shoulder in June")]
    [InlineData("Gemma is in with her dodgy ankle again")]
    [InlineData("OH report says no front desk for Steve for six weeks")]
    [InlineData("occupational health have said Julie can only do mornings now")]
    public void A_colleague_s_body_part_in_trouble_or_an_oh_outcome_is_a_leak(string text) =>
        Assert.Contains("health_matter", Concepts(text));

    [Theory]
    [InlineData("My back's killing me after the fun run, never again")]
    [InlineData("Knee-deep in budget papers all day")]
    [InlineData("Back in the office tomorrow, Karen has the keys")]
    public void Body_words_that_are_no_colleague_s_health_are_not_a_leak(string text) => Assert.Null(Leak(text));

    [Theory]
    [InlineData("not that I said anything, but Coastline scored 82 and Harbour Build 64 on the tender")]
    [InlineData("you didn't read that here, but the draft recommends closing the kiosk")]
    [InlineData("You didn't hear it from me but the lowest bid was £41k")]
    public void A_denial_of_the_telling_is_secrecy(string text) => Assert.Contains("secrecy", Concepts(text));

    [Fact]
    public void A_denial_with_nothing_told_is_not_a_leak() =>
        Assert.Null(Leak("Not that I said anything, but what a lovely sunset tonight"));

    [Theory]
    [InlineData("Interviewed two for the ranger job today, one used to be a lifeguard at the lido")]
    [InlineData("Two applicants left for the post, the other was previously a site manager")]
    public void A_candidate_by_a_past_job_said_plainly_is_a_leak(string text) =>
        Assert.Contains("recruitment_candidate", Concepts(text));

    [Fact]
    public void A_writer_s_own_past_job_is_not_a_leak() =>
        Assert.Null(Leak("I used to be a lifeguard myself before joining the council!"));

    [Theory]
    [InlineData("Oops, the staff list with home numbers went to the allotment group")]
    [InlineData("[photo: sheet of staff names and home numbers] left on the desk")]
    public void A_staff_list_with_contact_details_is_a_leak(string text) => Assert.Contains("contact_list", Concepts(text));

    [Fact]
    public void A_staff_list_without_contact_details_is_not_a_leak() =>
        Assert.Null(Leak("Staff list for the fun run is up on the noticeboard, sign up by Friday"));
}
