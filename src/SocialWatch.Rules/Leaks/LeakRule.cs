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

        // Personal data.
        var personal = PersonalDataScanner.Find(folded);
        personal.RemoveAll(d => IsPublicContact(folded, d));
        var strongPersonal = personal.Where(p => p.Kind is not (PersonalDataKinds.Address or PersonalDataKinds.Postcode)).ToList();
        var name = PersonNames.FindFirst(post.Text);
        if (strongPersonal.Count > 0 || (personal.Count > 0 && name is not null))
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
