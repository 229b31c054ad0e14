using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using SocialWatch.Rules.Normalisation;

namespace SocialWatch.Rules.Leaks.Concepts;

/// <summary>
/// A matter about one identifiable person that the policy's data-protection line covers: a word of
/// the matter (an HR process, a health condition or sickness absence, a recruitment step) with a
/// person's name or a staff role within a few words of it. The word alone is general talk ("stress
/// at work is real"); the name or role makes it someone's. One class serves the three matters, each
/// with its own vocabulary; a recruitment step needs a name (a role is the post advertised, not the
/// candidate), the others take a role too ("the caretaker is off sick") (<see cref="RulesOptions.HrWords"/>, <see cref="RulesOptions.HealthWords"/>,
/// <see cref="RulesOptions.RecruitmentWords"/>) and its own sentence for the clerk.
/// </summary>
internal sealed partial class PersonMatterConcept(string concept, IEnumerable<string> words, bool nameRequired, double score, string summary, params Func<Regex>[] identifies) : ILeakConcept
{
    /// <summary>How many words apart the matter and the person may be.</summary>
    private const int WindowWords = 12;

    private readonly Lexicon _words = new(words);

    public static PersonMatterConcept Hr(RulesOptions options) => new(
        "hr_matter", options.HrWords, nameRequired: false, 0.9,
        $"{LeakEvidence.Who} an HR matter (a disciplinary, grievance, pay or employment detail) about a named person; staff matters are confidential personal data under the data-protection clause.",
        GivenNames.LowerCaseSubject)
    {
        _subjectOfProceedingCounts = true,
    };

    /// <summary>How many words apart a proceeding and the person it is about may be, in one sentence.</summary>
    private const int SentenceWindowWords = 30;

    private bool _subjectOfProceedingCounts;

    public static PersonMatterConcept Health(RulesOptions options) => new(
        "health_matter", options.HealthWords, nameRequired: false, 0.9,
        $"{LeakEvidence.Who} about the health or sickness absence of a named colleague; health details are personal data the data-protection clause protects.",
        FirstNameSubject, ColleagueByRole, GivenNames.LowerCaseSubject, RestrictedPerson)
    {
        _matterPattern = BodyPartTrouble,
    };

    /// <summary>A pattern of the matter beside its word list, for matters said by their structure rather than a fixed phrase.</summary>
    private Func<Regex>? _matterPattern;

    public static PersonMatterConcept Recruitment(RulesOptions options) => new(
        "recruitment_candidate", options.RecruitmentWords, nameRequired: true, 0.85,
        $"{LeakEvidence.Who} recruitment details that identify a candidate; applicants' details are confidential personal data under the data-protection clause.",
        DescribedPerson);

    public LeakFinding? Check(LeakPost post)
    {
        // The matter's words first (one pass over the text): most staff posts have none, and then no person
        // pattern needs to run.
        var words = AdviceSurgery.Without(post.Folded, _words.FindAll(post.Folded));
        if (_matterPattern is not null)
        {
            var spans = words.ToList();
            foreach (Match m in _matterPattern().Matches(post.Folded))
            {
                spans.Add(new TextSpan(m.Index, m.Length, m.Value));
            }

            words = spans;
        }

        if (words.Count == 0)
        {
            return null;
        }

        foreach (var identify in identifies)
        {
            if (Identified(post, identify(), words) is { } described)
            {
                return described;
            }
        }

        if (post.PersonName is null && (nameRequired || post.Role is null))
        {
            return null;
        }

        foreach (var word in words)
        {
            var person = post.PersonNear(word.Start, word.End, WindowWords, rolesCount: !nameRequired)
                ?? (_subjectOfProceedingCounts ? SubjectOfProceeding(post, word) : null);
            if (person is not null)
            {
                var signals = new JsonArray
                {
                    LeakEvidence.Span(post.Original, post.Folded, word.Start, word.Length, concept),
                    person,
                };
                return new LeakFinding(concept, score, PolicyClauses.DataProtection, summary, signals);
            }
        }

        return null;
    }

    /// <summary>
    /// A person further on in the same sentence whom the proceeding is about: the name right after "for",
    /// "against", "about", "involving", "over" or "into" ("the hearing … went badly, especially for poor
    /// Gary Linton"). Not a name after "by" or "thanks to": that is who ran or spoke, not who it was about.
    /// </summary>
    private static JsonObject? SubjectOfProceeding(LeakPost post, TextSpan word)
    {
        if (post.PersonNameFolded is not { } name || post.PersonName is not { } original || name.Start < word.End
            || post.WordGap(word.Start, word.End, name.Start, name.End) > SentenceWindowWords
            || post.Folded.AsSpan(word.End, name.Start - word.End).IndexOfAny(".!?\n") >= 0)
        {
            return null;
        }

        var before = post.Folded.AsSpan(word.End, name.Start - word.End);
        return AboutWhom().IsMatch(before)
            ? LeakEvidence.Original(post.Original, original.Start, original.Length, "person_name")
            : null;
    }

    // The preposition of whom a proceeding is about, with at most two words ("poor", "young") before the name.
    [GeneratedRegex(@"\b(?:for|against|about|involving|over|into|on) (?:[a-z]+ ){0,2}$", RegexOptions.CultureInvariant)]
    private static partial Regex AboutWhom();

    /// <summary>
    /// A person identified without their full name: by what they do and where ("the deputy manager at the
    /// library", "the woman who runs the café") or, in a colleague's health matter, by first name as the
    /// subject ("Stuart is off…", "poor Bev is…"). Within the same window of the matter's word.
    /// </summary>
    private LeakFinding? Identified(LeakPost post, Regex identifies, IReadOnlyList<TextSpan> words)
    {
        var found = identifies.Match(post.Original);
        if (!found.Success)
        {
            return null;
        }

        foreach (var word in words)
        {
            if (post.WordGap(word.Start, word.End, found.Index, found.Index + found.Length) <= WindowWords)
            {
                var signals = new JsonArray
                {
                    LeakEvidence.Span(post.Original, post.Folded, word.Start, word.Length, concept),
                    LeakEvidence.Original(post.Original, found.Index, found.Length, "person_described"),
                };
                return new LeakFinding(concept, score, PolicyClauses.DataProtection, summary, signals);
            }
        }

        return null;
    }

    // "one of the candidates is the deputy manager at Leigh library", "the woman who runs the cafe".
    [GeneratedRegex(
        @"\b(?:is|was|'s) (?:the|a|our|their) (?:[a-z-]+ ){0,2}(?:manager|head|owner|landlord|landlady|teacher|nurse|secretary|director|assistant|officer|clerk|warden|caretaker|boss|deputy|headteacher|receptionist|administrator|coordinator|supervisor|chef|librarian)s? (?:at|of|from|in) (?:the )?\w"
        + @"|\b(?:the|that|a) (?:man|woman|guy|lady|bloke|girl|chap|fella|lad|person|one) (?:who|that) (?:runs|works|worked|owns|manages|managed|teaches|ran|used to)\b"
        // A candidate by their past job ("an ex-police inspector", "a former bank manager", "a
        // retired headteacher", "someone who used to be a council accountant"): a shortlist told this way
        // identifies people as surely as their names in a small town.
        + @"|\b(?:an?|the|one|two) (?:ex-|former |retired |one-time |onetime )[a-z]+|\b(?:someone|somebody|one|the other) (?:who|that) (?:used to|was|worked|once|previously)\b"
        // A candidate by where they work now ("one works at the Co-op", "the other is at the
        // library") or whose relative they are ("one is the chairman's daughter-in-law", "a councillor's son").
        + @"|\b(?:one|the other|another|someone|somebody|he|she) (?:works|worked|is working|is employed) (?:at|for|in)\b"
        // A candidate by a past job said plainly, without "who" ("one used to be a lifeguard",
        // "the other was a teacher at…", "one previously ran the café").
        + @"|\b(?:one|the other|another|someone|somebody) (?:used to (?:be|work|run)|was once|was previously|previously (?:worked|ran|was)|was an? [a-z-]+ (?:at|for|in))\b"
        // A candidate by a relative's shop or workplace ("the lad whose mum runs the bakery", "works at his
        // dad's garage", "her brother owns the chippy"): in a small town the family business names the person.
        + @"|\b(?:whose|his|her|their) (?:mum|dad|mother|father|brother|sister|wife|husband|uncle|aunt|auntie|nan|gran|grandad|parents|family|folks|in-laws|partner|son|daughter)(?:'s)? (?:runs|owns|has|had|ran|owned|manages|managed|keeps|kept|works at|worked at)\b"
        + @"|\b(?:works|worked|working|helps out|helping out|is|was) (?:at|in|for) (?:his|her|their) (?:mum|dad|mother|father|brother|sister|uncle|aunt|auntie|family|parents|in-laws|wife|husband|partner)(?:'s|s')"
        + @"|\b(?:is|'s|was)(?: from)? (?:the |a |an )?(?:[a-z-]+ )?[a-z-]+'s (?:son|daughter|wife|husband|partner|nephew|niece|cousin|brother|sister|mum|dad|mother|father|grandson|granddaughter|girlfriend|boyfriend)(?:-in-law)?\b",
        RegexOptions.CultureInvariant | RegexOptions.IgnoreCase)]
    private static partial Regex DescribedPerson();

    // A first name as the subject of the sentence: at its start or after "poor", "our", "bless", and
    // followed by a verb ("Stuart is off", "Poor Bev has"), also with where they work between (
    // "our Kerry on reception is…", "Mike from the grounds team is…"). Capitalised words that open sentences and
    // are not names are excluded.
    [GeneratedRegex(
        @"(?:^|[.!?]\s+|\b(?:[Pp]oor|[Oo]ur|[Bb]less|[Dd]ear|[Ll]ovely|[Cc]olleague) )(?!(?:The|This|That|These|Those|It|He|She|We|They|There|What|Our|My|Your|His|Her|Their|Everyone|Someone|Nobody|Who|Why|How|When|Where|Today|Tomorrow|Yesterday|Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|Back|Just|Still|Now|Poor|Dog|Cat)\b)[A-Z][a-z]{2,11}(?: (?:from|on|in|at) (?:the )?[a-z]+(?: team| desk| office)?)?(?:'s| is| has| was| will be)\b",
        RegexOptions.CultureInvariant)]
    private static partial Regex FirstNameSubject();

    // A colleague by role, not name, as the subject ("our maintenance chap is off", "the caretaker
    // has been signed off", "our grounds lad's having his op"): in a small team the role names one person.
    [GeneratedRegex(
        @"\b(?:our|the|their) (?:[a-z-]+ ){0,2}(?:chap|bloke|lad|lady|guy|fella|man|woman|caretaker|cleaner|groundsman|gardener|handyman|receptionist|warden|clerk|administrator|bookkeeper|attendant)(?:'s| is| has| was| will be| had| been)\b",
        RegexOptions.CultureInvariant | RegexOptions.IgnoreCase)]
    private static partial Regex ColleagueByRole();

    // A body part in trouble, in any order: an operation on it ("the op on her knee"), being off
    // with it ("off again with her back"), it playing up or bad ("her hip's playing up", "his dodgy
    // shoulder"), and an occupational-health ("OH") report or referral. The possessive or the trouble word
    // is what makes it health: "knee-deep in papers" or "back in the office" have neither.
    private const string BodyPart = "knee|knees|hip|hips|back|shoulder|ankle|wrist|elbow|neck|foot|feet|leg|arm|hand|heart|eye|eyes|chest|spine|hernia|bladder|kidney|lungs?";

    [GeneratedRegex(
        @"\bop(?:eration)?s? on (?:his|her|their) (?:[a-z]+ )?(?:" + BodyPart + @")\b"
        + @"|\boff(?: [a-z]+){0,2} with (?:his|her|their|a) (?:bad |dodgy |sore |broken |injured |painful )?(?:" + BodyPart + @")\b"
        + @"|\b(?:his|her|their) (?:[a-z]+ )?(?:" + BodyPart + @")(?:'s| is| has been| keeps| was) (?:playing up|bad|worse|no better|giving (?:her|him|them) (?:grief|trouble|hell)|in a (?:brace|cast|sling)|swollen|sore|broken|fractured|in plaster|strapped up|bandaged|giving way|killing (?:her|him|them)|(?:still|really) (?:bad|sore|swollen))"
        + @"|\b(?:" + BodyPart + @")(?:'s| is) (?:(?:still |really )?(?:playing up|no better|getting worse|swollen|fractured|in plaster|strapped up|giving way))\b"
        + @"|\b(?:his|her|their) (?:bad|dodgy|sore|broken|injured|slipped|twisted|replacement|new) (?:" + BodyPart + @"|disc)\b"
        + @"|\b(?:oh|occupational health) (?:report|referral|assessment|advice|adviser|appointment|review)s?\b",
        RegexOptions.CultureInvariant)]
    private static partial Regex BodyPartTrouble();

    // A first name as the one a work restriction is for, the shape of an occupational-health
    // outcome ("no front desk for Steve", "Julie can only do mornings", "Dave mustn't lift"). Only read
    // within the window of a health word, like every identification here.
    [GeneratedRegex(
        @"(?<![.!?]\s)(?<=\s)(?!(?:The|This|That|It|He|She|We|They|There|You|I|Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\b)[A-Z][a-z]{2,11} (?:can only|can'?t|cannot|mustn'?t|must not|shouldn'?t|should not|is not to|isn'?t to|is only to)\b"
        + @"|\b(?:no|light|restricted|reduced|only) (?:[a-z-]+ ){0,3}(?:duties |desk |work |hours )?for (?!(?:The|This|That|Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|Leigh)\b)[A-Z][a-z]{2,11}\b",
        RegexOptions.CultureInvariant)]
    private static partial Regex RestrictedPerson();
}
