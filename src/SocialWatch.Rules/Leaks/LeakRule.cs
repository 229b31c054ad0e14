using System.Text.Json.Nodes;
using SocialWatch.Rules.Normalisation;

namespace SocialWatch.Rules.Leaks;

/// <summary>
/// Confidential leaks in posts by registered staff and members: personal data of people, HR matters
/// about a named person, prices near procurement words (quotes, bids, tenders), and matters placed in a
/// closed session or before publication. A post that points at the published source (the council's
/// website, "now published", Contracts Finder) is a public notice, not a leak, unless it carries
/// personal data or an HR matter.
/// </summary>
internal sealed class LeakRule
{
    private static readonly string[] RoleWords = ["clerk", "caretaker", "colleague", "officer", "deputy", "manager", "assistant", "cleaner", "warden"];

    /// <summary>Words that tie a street address to a person ("the resident at 3 Cliff Parade", "she lives at").</summary>
    private static readonly string[] PersonContextWords =
    [
        "resident", "residents", "lives", "living", "live at", "lived", "her", "his", "she", "he", "their", "home",
        "neighbour*", "tenant*", "occupant*", "householder*", "complainant*", "address", "landlord*", "landlady",
    ];

    /// <summary>How many words apart an address and the name or person word that ties it to a person may be.</summary>
    private const int AddressPersonWindowWords = 8;

    private readonly RulesOptions _options;
    private readonly string _websiteFolded;
    private readonly string[] _publicContactDigits;
    private readonly Lexicon _procurement;
    private readonly Lexicon _closedSession;
    private readonly Lexicon _secrecy;
    private readonly Lexicon _business;
    private readonly Lexicon _hr;
    private readonly Lexicon _publicSource;
    private readonly Lexicon _roles = new(RoleWords);
    private readonly Lexicon _personContext = new(PersonContextWords);

    public LeakRule(WatchOptions watch, RulesOptions options)
    {
        _options = options;
        _websiteFolded = TextFolding.Fold(watch.Organisation.Website ?? "").Trim();
        _publicContactDigits = options.PublicContactDetails.Select(TextFolding.Fold).ToArray();
        _procurement = new Lexicon(options.ProcurementWords);
        _closedSession = new Lexicon(options.ClosedSessionPhrases);
        _secrecy = new Lexicon(options.SecrecyWords);
        _business = new Lexicon(options.CouncilBusinessWords);
        _hr = new Lexicon(options.HrWords);
        _publicSource = new Lexicon(options.PublicSourcePhrases);
    }

    public RuleFlag? Check(PostInput post, string folded)
    {
        var signals = new JsonArray();
        double score = 0;
        var clause = PolicyClauses.NoConfidentialMaterial;

        var publicSource = (_websiteFolded.Length > 0 && folded.Contains(_websiteFolded, StringComparison.Ordinal))
            || _publicSource.ContainsAny(folded);

        // Personal data. Phone, email, NI and NHS numbers are personal on their own; a street address or a
        // postcode only when tied to a person (a name or a person word near it, or address and postcode
        // together): "Free bike outside number 19 Elm Road" is a staff member's own everyday post.
        var personal = PersonalDataScanner.Find(folded);
        if (personal.Count > 0)
        {
            personal.RemoveAll(d => IsPublicContact(folded, d));
        }

        var name = FindPersonName(post.Text, folded, personal);
        var personalDataFound = false;
        foreach (var datum in personal)
        {
            if (datum.Kind is not (PersonalDataKinds.Address or PersonalDataKinds.Postcode) || IsAboutPerson(post.Text, folded, datum, personal, name))
            {
                personalDataFound = true;
                break;
            }
        }

        if (personalDataFound)
        {
            foreach (var datum in personal)
            {
                signals.Add(Span(post.Text, folded, datum.Start, datum.Length, datum.Kind));
            }

            if (name is { } n)
            {
                signals.Add(Original(post.Text, n.Start, n.Length, "person_name"));
            }

            score = Math.Max(score, 0.95);
            clause = PolicyClauses.DataProtection;
        }

        // HR and health matters about a named person or a role.
        var hr = _hr.FindFirst(folded);
        if (hr is { } hrSpan)
        {
            var role = _roles.FindFirst(folded);
            if (name is not null || role is not null)
            {
                signals.Add(Span(post.Text, folded, hrSpan.Start, hrSpan.Length, "hr_matter"));
                if (name is { } n2)
                {
                    signals.Add(Original(post.Text, n2.Start, n2.Length, "person_name"));
                }
                else if (role is { } r)
                {
                    signals.Add(Span(post.Text, folded, r.Start, r.Length, "role"));
                }

                score = Math.Max(score, 0.9);
                clause = PolicyClauses.DataProtection;
            }
        }

        // Prices near procurement words.
        var money = MoneyParser.MayContainMoney(folded) ? MoneyParser.Find(folded) : [];
        if (money.Count > 0 && !publicSource)
        {
            var procurement = _procurement.FindAll(folded);
            foreach (var amount in money)
            {
                foreach (var word in procurement)
                {
                    var gap = word.Start < amount.Start
                        ? Words.CountBetween(folded, word.End, amount.Start)
                        : Words.CountBetween(folded, amount.End, word.Start);
                    if (gap <= _options.MoneyProcurementWindowWords)
                    {
                        var amountJson = Span(post.Text, folded, amount.Start, amount.Length, "money");
                        amountJson["value_gbp"] = amount.Value;
                        if (amount.Approximate)
                        {
                            amountJson["approximate"] = true;
                        }

                        signals.Add(amountJson);
                        signals.Add(Span(post.Text, folded, word.Start, word.Length, "procurement_word"));
                        score = Math.Max(score, 0.85);
                        clause = PolicyClauses.ConfidentialInformationDefined;
                        goto moneyDone;
                    }
                }
            }

        moneyDone:;
        }

        // Closed-session and not-yet-published matters about council business.
        if (!publicSource)
        {
            var secret = _closedSession.FindFirst(folded) ?? _secrecy.FindFirst(folded);
            if (secret is { } secretSpan)
            {
                var business = _business.FindFirst(folded);
                if (business is not null || money.Count > 0 || hr is not null)
                {
                    signals.Add(Span(post.Text, folded, secretSpan.Start, secretSpan.Length, "not_public"));
                    if (business is { } b)
                    {
                        signals.Add(Span(post.Text, folded, b.Start, b.Length, "council_business"));
                    }

                    foreach (var amount in money)
                    {
                        var amountJson = Span(post.Text, folded, amount.Start, amount.Length, "money");
                        amountJson["value_gbp"] = amount.Value;
                        signals.Add(amountJson);
                    }

                    score = Math.Max(score, money.Count > 0 ? 0.9 : 0.8);
                }
            }
        }

        if (score <= 0)
        {
            return null;
        }

        var evidence = new JsonObject { ["signals"] = signals };
        return new RuleFlag(RuleNames.ConfidentialLeak, Severities.High, score, evidence, clause);
    }

    /// <summary>The first person-like name that is not the street of an address ("63 Thames Drive").</summary>
    private static (int Start, int Length)? FindPersonName(string original, string folded, List<PersonalDatum> personal)
    {
        var from = 0;
        while (PersonNames.FindFirst(original, from) is { } name)
        {
            var insideAddress = false;
            foreach (var datum in personal)
            {
                if (datum.Kind != PersonalDataKinds.Address)
                {
                    continue;
                }

                var start = TextFolding.ToOriginalOffset(original, datum.Start);
                var end = TextFolding.ToOriginalOffset(original, datum.End);
                if (name.Start < end && name.Start + name.Length > start)
                {
                    insideAddress = true;
                    break;
                }
            }

            if (!insideAddress)
            {
                return name;
            }

            from = name.Start + name.Length;
        }

        return null;
    }

    /// <summary>
    /// A street address or postcode is a person's when a name or a person word ("resident", "lives",
    /// "her") is within <see cref="AddressPersonWindowWords"/> words of it, or address and postcode come
    /// together (a full postal address).
    /// </summary>
    private bool IsAboutPerson(string original, string folded, PersonalDatum datum, List<PersonalDatum> personal, (int Start, int Length)? name)
    {
        foreach (var other in personal)
        {
            if (other.Kind is PersonalDataKinds.Address or PersonalDataKinds.Postcode && other.Kind != datum.Kind
                && WordGap(folded, datum.Start, datum.End, other.Start, other.End) <= AddressPersonWindowWords)
            {
                return true;
            }
        }

        if (name is { } n)
        {
            var start = TextFolding.ToOriginalOffset(original, datum.Start);
            var end = TextFolding.ToOriginalOffset(original, datum.End);
            if (WordGap(original, start, end, n.Start, n.Start + n.Length) <= AddressPersonWindowWords)
            {
                return true;
            }
        }

        if (_personContext.ContainsAny(folded))
        {
            foreach (var word in _personContext.FindAll(folded))
            {
                if (WordGap(folded, datum.Start, datum.End, word.Start, word.End) <= AddressPersonWindowWords)
                {
                    return true;
                }
            }
        }

        return false;
    }

    /// <summary>Words strictly between two spans of the same text (0 when they touch or overlap).</summary>
    private static int WordGap(string text, int aStart, int aEnd, int bStart, int bEnd) =>
        bStart >= aEnd ? Words.CountBetween(text, aEnd, bStart)
        : aStart >= bEnd ? Words.CountBetween(text, bEnd, aStart)
        : 0;

    internal bool IsPublicContact(string folded, PersonalDatum datum)
    {
        var text = folded.AsSpan(datum.Start, datum.Length);
        if (datum.Kind == PersonalDataKinds.Email && _websiteFolded.Length > 0 && text.EndsWith(_websiteFolded, StringComparison.Ordinal))
        {
            return true;
        }

        foreach (var contact in _publicContactDigits)
        {
            if (text.SequenceEqual(contact) || contact.AsSpan().Contains(text, StringComparison.Ordinal))
            {
                return true;
            }
        }

        return false;
    }

    internal static JsonObject Span(string original, string folded, int start, int length, string kind)
    {
        var originalStart = TextFolding.ToOriginalOffset(original, start);
        var originalEnd = TextFolding.ToOriginalOffset(original, start + length);
        if (originalEnd <= originalStart)
        {
            originalEnd = Math.Min(original.Length, originalStart + length);
        }

        return Original(original, originalStart, originalEnd - originalStart, kind);
    }

    internal static JsonObject Original(string original, int start, int length, string kind) => new()
    {
        ["kind"] = kind,
        ["text"] = original.Substring(start, Math.Min(length, original.Length - start)),
        ["start"] = start,
        ["length"] = length,
    };
}
