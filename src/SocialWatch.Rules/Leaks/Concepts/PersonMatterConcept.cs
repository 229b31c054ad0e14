using System.Text.Json.Nodes;
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
internal sealed class PersonMatterConcept(string concept, IEnumerable<string> words, bool nameRequired, double score, string summary) : ILeakConcept
{
    /// <summary>How many words apart the matter and the person may be.</summary>
    private const int WindowWords = 12;

    private readonly Lexicon _words = new(words);

    public static PersonMatterConcept Hr(RulesOptions options) => new(
        "hr_matter", options.HrWords, nameRequired: false, 0.9,
        $"{LeakEvidence.Who} an HR matter (a disciplinary, grievance, pay or employment detail) about a named person; staff matters are confidential personal data under the data-protection clause.");

    public static PersonMatterConcept Health(RulesOptions options) => new(
        "health_matter", options.HealthWords, nameRequired: false, 0.9,
        $"{LeakEvidence.Who} about the health or sickness absence of a named colleague; health details are personal data the data-protection clause protects.");

    public static PersonMatterConcept Recruitment(RulesOptions options) => new(
        "recruitment_candidate", options.RecruitmentWords, nameRequired: true, 0.85,
        $"{LeakEvidence.Who} recruitment details that identify a candidate; applicants' details are confidential personal data under the data-protection clause.");

    public LeakFinding? Check(LeakPost post)
    {
        if (post.PersonName is null && (nameRequired || post.Role is null))
        {
            return null;
        }

        foreach (var word in _words.FindAll(post.Folded))
        {
            if (post.PersonNear(word.Start, word.End, WindowWords, rolesCount: !nameRequired) is { } person)
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
}
