using System.Text.Json.Nodes;
using SocialWatch.Rules.Leaks.Concepts;
using SocialWatch.Rules.Normalisation;

namespace SocialWatch.Rules.Leaks;

/// <summary>
/// Confidential leaks in posts by registered staff and members. The rule is a set of small concepts
/// (Leaks/Concepts), each with its reason: personal data found by the recognisers, HR, health and
/// recruitment matters about a named person, closed-session business, secrecy with a disclosure,
/// internal documents described, pre-decision figures, and lists of people's contact details. The
/// surest concept gives the flag's score, policy clause and the one-sentence summary a clerk reads;
/// every concept that matched adds its spans to the evidence.
/// </summary>
internal sealed class LeakRule
{
    private static readonly string[] RoleWords =
    [
        "clerk", "caretaker", "colleague", "colleagues", "officer*", "deputy", "manager", "assistant", "cleaner", "warden", "apprentice",
        // Other posts, and a colleague named by first name and team ("Karen from accounts").
        "supervisor", "coordinator", "administrator", "receptionist", "groundsman", "groundsmen", "gardener", "team leader", "events lead",
        "from accounts", "in accounts", "from finance", "in finance", "from payroll", "from parks", "in parks", "from grounds",
        "in grounds", "grounds team", "parks team", "from the office", "in the office", "from admin", "in admin", "from reception",
        "on reception", "from hr", "in hr", "from the depot", "at the depot",
    ];

    private readonly string _websiteFolded;
    private readonly Lexicon _publicSource;
    private readonly Lexicon _roles = new(RoleWords);
    private readonly PersonNames _names;
    private readonly ILeakConcept[] _concepts;

    public LeakRule(WatchOptions watch, RulesOptions options)
    {
        _websiteFolded = TextFolding.Fold(watch.Organisation.Website ?? "").Trim();
        _publicSource = new Lexicon(options.PublicSourcePhrases);
        _names = new PersonNames(watch.Organisation.Names.Concat(watch.Organisation.Aliases));
        var disclosure = new Disclosure(options);
        _concepts =
        [
            new PersonalDataConcept(watch.Organisation.PublicContacts, _websiteFolded),
            PersonMatterConcept.Hr(options),
            PersonMatterConcept.Health(options),
            PersonMatterConcept.Recruitment(options),
            new ContactListConcept(),
            new ClosedSessionConcept(options),
            new PreDecisionFiguresConcept(options),
            new SecrecyConcept(options, disclosure),
            new InternalDocumentConcept(),
            new InsiderAnnouncementConcept(),
            new UnpublishedSpendingConcept(),
        ];
    }

    public RuleFlag? Check(PostInput post, string folded)
    {
        var leakPost = Facts(post, folded);
        LeakFinding? top = null;
        var signals = new JsonArray();
        var concepts = new JsonArray();
        foreach (var concept in _concepts)
        {
            if (concept.Check(leakPost) is not { } finding)
            {
                continue;
            }

            concepts.Add(finding.Concept);
            foreach (var signal in finding.Signals.ToArray())
            {
                finding.Signals.Remove(signal);
                signals.Add(signal);
            }

            if (top is null || finding.Score > top.Score)
            {
                top = finding;
            }
        }

        if (top is null)
        {
            return null;
        }

        var evidence = new JsonObject
        {
            ["summary"] = top.Summary,
            ["concepts"] = concepts,
            ["signals"] = signals,
        };
        return new RuleFlag(RuleNames.ConfidentialLeak, Severities.High, top.Score, evidence, top.Clause);
    }

    private LeakPost Facts(PostInput post, string folded)
    {
        var name = FindPersonName(post.Text);
        (int, int)? nameFolded = null;
        if (name is { } n)
        {
            // Folded offsets: the name's words found again in the folded text from about the same place.
            var at = folded.IndexOf(TextFolding.Fold(post.Text.Substring(n.Start, n.Length)), Math.Max(0, Math.Min(folded.Length, n.Start) - 8), StringComparison.Ordinal);
            if (at >= 0)
            {
                nameFolded = (at, at + n.Length);
            }
        }

        return new LeakPost
        {
            Original = post.Text,
            Folded = folded,
            PostedOn = DateOnly.FromDateTime(post.CreatedAt.UtcDateTime),
            Money = MoneyParser.MayContainMoney(folded) ? MoneyParser.Find(folded) : [],
            PersonName = name,
            PersonNameFolded = nameFolded,
            Role = _roles.FindFirst(folded),
            PublicSource = (_websiteFolded.Length > 0 && folded.Contains(_websiteFolded, StringComparison.Ordinal)) || _publicSource.ContainsAny(folded),
        };
    }

    /// <summary>A span of the folded text as evidence with original offsets (also used by misrepresentation).</summary>
    internal static JsonObject Span(string original, string folded, int start, int length, string kind) =>
        LeakEvidence.Span(original, folded, start, length, kind);

    /// <summary>
    /// The first person-like name that is not the street of an address ("63 Thames Drive"): a name
    /// directly followed by a street word is a street.
    /// </summary>
    private (int Start, int Length)? FindPersonName(string original)
    {
        var from = 0;
        while (_names.FindFirst(original, from) is { } name)
        {
            if (!IsStreet(original, name.Start + name.Length) && !AfterHouseNumber(original, name.Start))
            {
                return name;
            }

            from = name.Start + name.Length;
        }

        return null;
    }

    private static readonly string[] StreetWords =
    [
        "road", "rd", "street", "st", "avenue", "ave", "lane", "parade", "close", "drive", "way", "crescent", "gardens",
        "grove", "place", "terrace", "hill", "mall", "court", "walk", "rise", "row", "square", "mews", "chase", "green",
        "park", "view", "vale", "wharf", "esplanade", "boulevard",
    ];

    private static bool IsStreet(string text, int end)
    {
        var i = end;
        while (i < text.Length && text[i] == ' ')
        {
            i++;
        }

        var wordEnd = i;
        while (wordEnd < text.Length && char.IsLetter(text[wordEnd]))
        {
            wordEnd++;
        }

        var word = text.AsSpan(i, wordEnd - i);
        foreach (var street in StreetWords)
        {
            if (word.Equals(street, StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>"22 Grand Parade": capitalised words straight after a house number are a street.</summary>
    private static bool AfterHouseNumber(string text, int start)
    {
        var i = start - 1;
        while (i >= 0 && text[i] == ' ')
        {
            i--;
        }

        return i >= 0 && char.IsAsciiDigit(text[i]);
    }
}
