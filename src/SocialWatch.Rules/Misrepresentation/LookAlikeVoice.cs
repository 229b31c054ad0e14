using System.Text.RegularExpressions;
using SocialWatch.Rules.Normalisation;

namespace SocialWatch.Rules.Misrepresentation;

/// <summary>
/// What an account posing as the council says in the council's voice besides decisions and service
/// changes (read only for authors whose name looks like the council's):
/// <list type="bullet">
/// <item>a request for card, bank or login details with something the council is said to owe or to demand
/// ("your council tax refund is ready, reply with your card number", "confirm your sort code and account
/// number by Friday to keep your plot"): phishing that puts a refund or a deadline in the council's mouth.
/// A bare "DM us your card details" asserts nothing the council decided; the impersonation flag covers it
/// (concepts.jsonl labels it so). The same request beside terms announced as the council's (a price, "now
/// £30", "free parking", "£500 grants") is the council's voice about money or a service, so it is a claim;</item>
/// <item>a fee or charge said to apply ("a £10 admin fee applies to…", "a charge is now payable"): a
/// charge announced in the council's name;</item>
/// <item>a claim to be the real council and the real one fake ("this is the genuine council page, the other
/// one is fake", "we are the real council account, ignore the old one"): it tells residents to stop
/// trusting the council's own account.</item>
/// <item>a service change said in an impersonal voice, no "we": "bin collections change to
/// fortnightly from 1 July", "the market moves to Sundays": a notice only the council can give;</item>
/// <item>money offered in the council's name: "£400 grants for every household", "claim your
/// support payment": the scam of a grant, whatever it asks for after.</item>
/// </list>
/// The same words from a resident ("the real council page says it never asks for bank details") are not
/// read here: the author must look like the council.
/// </summary>
internal static partial class LookAlikeVoice
{
    public static TextSpan? Find(string folded, string sentenceText)
    {
        var found = DetailsRequested().Match(sentenceText);
        if (found.Success && !OwedOrDemanded().IsMatch(folded) && !TermsAnnounced().IsMatch(folded))
        {
            found = Match.Empty;
        }

        if (!found.Success)
        {
            found = FeeApplies().Match(sentenceText);
        }

        if (!found.Success)
        {
            found = ClaimsToBeTheRealOne().Match(sentenceText);
        }

        if (!found.Success)
        {
            found = ImpersonalServiceChange().Match(sentenceText);
        }

        if (!found.Success)
        {
            found = MoneyOffered().Match(sentenceText);
        }

        return found.Success ? new TextSpan(found.Index, found.Length, found.Value) : null;
    }

    /// <summary>
    /// A request for payment, bank or card details or for a resident's personal details ("reply with your
    /// group's bank details", "send us your full name, home address and date of birth"). The council's
    /// announcements never ask for them by post or message, so a look-alike repeating an announcement with
    /// such a request speaks as the council falsely (round 9's settled label), even when the terms agree.
    /// </summary>
    public static TextSpan? RequestForDetails(string folded)
    {
        var found = DetailsRequested().Match(folded);
        if (!found.Success)
        {
            found = PersonalDetailsRequested().Match(folded);
        }

        return found.Success ? new TextSpan(found.Index, found.Length, found.Value) : null;
    }

    // A verb of giving, then (within a few words) a resident's personal details.
    [GeneratedRegex(
        @"\b(?:reply|send|provide|enter|share|give|message|dm|inbox|submit|email|text|comment)\b(?:\W+\w+){0,6}?\W+(?:full name|home address|(?:postal |street )?address|postcode|date of birth|dob|(?:phone|mobile|contact) number|email address|national insurance|ni number)\b",
        RegexOptions.CultureInvariant)]
    private static partial Regex PersonalDetailsRequested();

    // A verb of giving or confirming, then (within a few words) payment or login details.
    [GeneratedRegex(
        @"\b(?:reply|replying|send|sending|confirm|confirming|verify|provide|providing|enter|update|share|give|message|messaging|dm|inbox|submit|email|text)\b(?:\W+\w+){0,6}?\W+(?:(?:card|bank|account|banking|payment|login|log-in)(?: number| numbers| details| info(?:rmation)?)?|sort ?code|expiry(?: date)?|cvv|cvc|security code|(?:3|three) digits|pin(?: number)?|password)\b",
        RegexOptions.CultureInvariant)]
    private static partial Regex DetailsRequested();

    // Something owed ("your refund is ready", "you are entitled to") or demanded by a deadline or on pain of
    // a loss ("before Friday", "within 24 hours", "to keep your plot", "or your permit will be cancelled").
    [GeneratedRegex(
        @"\b(?:refund|rebate|grant|payment|reimbursement|compensation|award|discount)s? (?:is |are |has been |have been )?(?:now )?(?:ready|due|approved|waiting|available|owed|pending)\b"
        + @"|\byou (?:are|'re) (?:owed|due|entitled|eligible)\b|\byour (?:refund|rebate|grant|payment) of\b"
        + @"|\b(?:before|by) (?:monday|tuesday|wednesday|thursday|friday|saturday|sunday|midnight|tomorrow|tonight|the end of|\d)|\bwithin \d+ (?:hours?|days?)\b"
        + @"|\bto (?:keep|avoid losing|stop losing|secure|claim) your\b|\bor (?:your|you) (?:will|'ll|may)\b|\bfinal (?:notice|reminder)\b|\blast chance\b",
        RegexOptions.CultureInvariant)]
    private static partial Regex OwedOrDemanded();

    // Terms the post announces as the council's: a price or sum ("permits are now £30", "£500 grants"), or
    // something offered free ("FREE parking all December"). Why: with a request for payment details these
    // put a charge or an offer in the council's mouth, which the clerk must correct; a bare request does not.
    [GeneratedRegex(@"£\s?\d|\b\d[\d,]* (?:pounds|quid)\b|\bfree (?:of charge\b|(?!to\b|from\b|for\b)[\p{L}-]{3,})", RegexOptions.CultureInvariant)]
    private static partial Regex TermsAnnounced();

    // "a £10 admin fee applies", "a charge will apply", "fee is now payable", "a £2 charge for…".
    [GeneratedRegex(
        @"\b(?:fee|fees|charge|charges|levy|surcharge)\b(?:\W+\w+){0,3}?\W+(?:now )?(?:applies|apply|will apply|is payable|are payable|now payable|must be paid|is due|are due|starts|start|begins|comes in|come in|will be introduced|is being introduced)\b|£\s?\d[\d.,]*\s+(?:[\w-]+\s+){0,3}(?:fee|charge|levy|surcharge)\b",
        RegexOptions.CultureInvariant)]
    private static partial Regex FeeApplies();

    // "this is the real/genuine/official … page", "we are the real council account", "the other page is a
    // fake", "ignore the old one".
    [GeneratedRegex(
        @"\b(?:this is|we are|we're|here is)(?: now)? (?:the |our )?(?:real|genuine|true|only|proper|new official|actual)\b"
        + @"|\b(?:the )?(?:other|old|previous) (?:one|page|account|profile)\b(?:\W+\w+){0,3}?\W+(?:is|are|was|has been|have been|got) (?:a )?(?:fake|scam|hacked|not us|not ours|an impostor|imposter|compromised)\b"
        + @"|\b(?:ignore|unfollow|block|report) the (?:other|old|previous) (?:one|page|account|profile)\b",
        RegexOptions.CultureInvariant)]
    private static partial Regex ClaimsToBeTheRealOne();

    // "collections change to fortnightly", "the market moves to Sundays", "opening hours switch to 9-5 from
    // May", "goes fortnightly": a thing changing its schedule or place, said as a notice.
    [GeneratedRegex(
        @"\b(?:change|changes|move|moves|switch|switches|revert|reverts|shift|shifts|go|goes) (?:to |from )?(?:fortnightly|weekly|monthly|every (?:other|second|two|three|four)|(?:mon|tues|wednes|thurs|fri|satur|sun)days?|online only|appointment only|\d)"
        + @"|\b(?:change|changes|move|moves|switch|switches) (?:to|from) (?:the |a |an )?[\p{L}-]+ (?:from|on|starting|as of|with effect)\b",
        RegexOptions.CultureInvariant)]
    private static partial Regex ImpersonalServiceChange();

    // "£400 grants for every household", "support payments available to all residents", "claim your £150 rebate".
    [GeneratedRegex(
        @"\b(?:grants?|payments?|rebates?|vouchers?|refunds?|bonus(?:es)?)\b(?:\W+\w+){0,4}?\W+(?:for|to) (?:every|all|each|eligible|local|qualifying) (?:households?|residents?|families|homes?|pensioners|tenants|council ?tax ?payers)\b"
        + @"|\b(?:claim|apply for|collect) (?:your|a|the) (?:£\s?\d[\d,]* )?(?:[\p{L}-]+ )?(?:grant|payment|rebate|voucher|refund)\b",
        RegexOptions.CultureInvariant)]
    private static partial Regex MoneyOffered();
}
