using System.Text.Json.Nodes;
using SocialWatch.Rules.Leaks.Recognisers;
using SocialWatch.Rules.Normalisation;

namespace SocialWatch.Rules.Leaks.Concepts;

/// <summary>
/// Personal data of a person: what the recognisers find (phone, email, NI and NHS numbers, bank
/// details, dates of birth, number plates, home addresses, postcodes) at or above
/// <see cref="PersonalDataScanner.ReportScore"/>. A person's name near a street address or postcode is
/// context that only this rule knows, so it is added here (as Presidio adds context from outside a
/// recogniser). The organisation's own published contacts (watch file, Organisation:PublicContacts)
/// and emails at its own domain are excepted.
/// </summary>
internal sealed class PersonalDataConcept(IEnumerable<string> publicContacts, string websiteFolded) : ILeakConcept
{
    private const int NameWindowWords = 8;
    private const double NameBoost = 0.35;

    // Compared on letters and digits only, so "(01702) 716 288" is "01702 716288".
    private readonly string[] _publicKeys = publicContacts.Select(c => Key(TextFolding.Fold(c))).Where(k => k.Length >= 5).ToArray();

    public LeakFinding? Check(LeakPost post)
    {
        if (!PersonalDataScanner.MayContainPersonalData(post.Folded))
        {
            return null;
        }

        var signals = new JsonArray();
        var kinds = new List<string>();
        foreach (var finding in PersonalDataScanner.Find(post.Folded, post.PostedOn))
        {
            if (IsPublicContact(post.Folded, finding))
            {
                continue;
            }

            var score = finding.Score;
            var why = finding.Why;
            if (score < PersonalDataScanner.ReportScore && finding.Entity is Entities.Address or Entities.Postcode
                && post.PersonNameFolded is { } name && post.WordGap(finding.Start, finding.End, name.Start, name.End) <= NameWindowWords)
            {
                score = Math.Round(Math.Min(1, score + NameBoost), 2);
                why += ", near a person's name";
            }

            if (score < PersonalDataScanner.ReportScore)
            {
                continue;
            }

            var signal = LeakEvidence.Span(post.Original, post.Folded, finding.Start, finding.Length, finding.Entity);
            signal["recogniser"] = finding.Recogniser;
            signal["score"] = score;
            signal["why"] = why;
            signals.Add(signal);
            var described = Entities.Describe(finding.Entity);
            if (!kinds.Contains(described))
            {
                kinds.Add(described);
            }
        }

        if (signals.Count == 0)
        {
            return null;
        }

        if (post.PersonName is { } n)
        {
            signals.Add(LeakEvidence.Original(post.Original, n.Start, n.Length, "person_name"));
        }

        var summary = $"{LeakEvidence.Who} what looks like a person's {LeakEvidence.JoinWords(kinds)}; posting personal data breaks the data-protection clause.";
        return new LeakFinding("personal_data", 0.95, PolicyClauses.DataProtection, summary, signals);
    }

    internal bool IsPublicContact(string folded, PersonalDataFinding finding)
    {
        var text = folded.AsSpan(finding.Start, finding.Length);
        if (finding.Entity == Entities.Email && websiteFolded.Length > 0 && text.EndsWith(websiteFolded, StringComparison.Ordinal))
        {
            return true;
        }

        var key = Key(text);
        foreach (var contact in _publicKeys)
        {
            // The finding is the contact, holds it ("71-73 Elm Road, SS9 1SP"), or is nearly all of it
            // ("73 Elm Road"); "3 Elm Road" is another house.
            if (key.Length > 0 && (key.Contains(contact, StringComparison.Ordinal)
                || (contact.Contains(key, StringComparison.Ordinal) && key.Length * 10 >= contact.Length * 8)))
            {
                return true;
            }
        }

        return false;
    }

    private static string Key(ReadOnlySpan<char> text)
    {
        var chars = new char[text.Length];
        var n = 0;
        foreach (var c in text)
        {
            if (char.IsAsciiLetterOrDigit(c))
            {
                chars[n++] = c;
            }
        }

        var key = new string(chars, 0, n);
        // A phone in +44 form is the same number as the national form.
        return key.StartsWith("44", StringComparison.Ordinal) && text.StartsWith("+") ? "0" + key[2..].TrimStart('0') : key;
    }
}
