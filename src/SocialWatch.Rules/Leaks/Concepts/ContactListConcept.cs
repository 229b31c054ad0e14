using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace SocialWatch.Rules.Leaks.Concepts;

/// <summary>
/// A list or a screenshot of people's contact details described in words: a list noun (list,
/// spreadsheet, screenshot, photo, register, export) with contact details (numbers, emails,
/// addresses) of people (residents, volunteers, stallholders, everyone). The details themselves may
/// be in the image, where the recognisers cannot see them; the words say what was shared. The
/// organisation's own contact details are not people's ("our contact details are on the website").
/// </summary>
internal sealed partial class ContactListConcept : ILeakConcept
{
    public LeakFinding? Check(LeakPost post)
    {
        if (post.PublicSource || ListOfContacts().Match(post.Folded) is not { Success: true } list || !People().IsMatch(post.Folded))
        {
            return null;
        }

        var signals = new JsonArray { LeakEvidence.Span(post.Original, post.Folded, list.Index, list.Length, "contact_list") };
        return new LeakFinding(
            "contact_list", 0.85, PolicyClauses.DataProtection,
            $"{LeakEvidence.Who} a list or screenshot of people's contact details (\"{list.Value}\"); posting personal data breaks the data-protection clause.",
            signals);
    }

    private const string ListNoun = "list|lists|spreadsheet|sheet|screenshot|screen ?shot|screengrab|screen grab|photo|pic|picture|register|database|export|printout|whatsapp group|image";

    private const string Contacts =
        "names and (?:(?:mobile|phone|home|email|e-mail|contact|telephone) )?(?:numbers|addresses|emails|details)|names, numbers|contact details|contact info|contact numbers|phone list|phone lists|contact list|contact lists|contacts list|mailing list|address list|address book|phone tree|phone numbers|mobile numbers|numbers|mobiles|emails|email addresses|e-mail addresses|home addresses|addresses|details"
        // Who holds the keys is a list of people to ring at home ("the key holder list").
        + "|key ?-?holders?(?: list)?"
        // and names with more than one detail listed ("names, addresses and phones", "names and mobiles").
        + "|names(?:,? (?:and )?(?:(?:home |mobile )?(?:addresses|numbers|phones|mobiles|emails|phone numbers)))+";

    [GeneratedRegex(
        @"\b(?:" + ListNoun + @")\b[^.!?\n]{0,50}\b(?:" + Contacts + @")\b|\b(?:" + Contacts + @")\b[^.!?\n]{0,50}\b(?:" + ListNoun + @")\b"
        + @"|\b(?:phone|contact|contacts|mailing|address|email|e-mail) (?:list|lists|book|tree|sheet)\b",
        RegexOptions.CultureInvariant)]
    private static partial Regex ListOfContacts();

    // Whose details: people, not the organisation. The organisation's own people ("the staff list
    // with home numbers") are people too; only the organisation's published contacts are not. ("everyone's", "residents'", "the volunteers").
    [GeneratedRegex(
        @"\b(?:residents?'?|people'?s?|everyone'?s|everybody'?s|volunteers?'?|helpers?'?|stewards?'?|marshals?'?|participants?'?|families'?|members'?|stallholders?'?|objectors?'?|complainants?'?|petitioners?'?|signatories|attendees|applicants?'?|tenants?'?|parents'?|households|donors'?|neighbours'?|customers'?|users'?|their|whose|key ?-?holders?|staff|staff's|employees'?|colleagues'?|councillors'?|workers'?)\b|\bnames,? (?:and )?(?:home |mobile )?(?:addresses|numbers|phones|mobiles|emails)\b|\b\w+s' (?:names|numbers|mobiles|emails|addresses|contact|phone|details)\b",
        RegexOptions.CultureInvariant)]
    private static partial Regex People();
}
