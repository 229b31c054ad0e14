using System.Text.RegularExpressions;
using SocialWatch.Rules.Normalisation;

namespace SocialWatch.Rules.Misrepresentation;

/// <summary>
/// A look-alike of the council speaking as the council: read only for authors the impersonation rule
/// takes for the council (a look-alike name or handle, the alias with a channel word, the logo), never for
/// registered staff or a declared parody. Why: such an account announcing what the council has decided or
/// will do puts words in the council's mouth, whether or not it uses a word of deciding, so the clerk must
/// correct it as well as report the account. Each part is a kind of announcement only the council can make:
/// <list type="bullet">
/// <item>terms set or changed: a charge, fee, rent, hire rate, permit or licence word, a verb that sets or
/// changes it ("will cost", "is now", "goes up", "will be required", "must have"), and a sum, percentage or
/// date that gives it substance ("Pitch hire goes up to £55 from April", "permits will be required from 1
/// July", "the car park becomes pay and display from 1 August, £2 an hour");</item>
/// <item>an offer in the council's name: something free for everyone or at no charge, a giveaway or draw,
/// grants or vouchers available to residents ("£250 grants available to Leigh families", "the council is
/// giving five families £200 vouchers", "no charge, no booking");</item>
/// <item>a cancellation or refund promised: "called off", "will not go ahead", "refunds will be processed",
/// "you'll get your money back";</item>
/// <item>a promise to act in return for a resident's details: "DM us your name, address and phone number
/// and we'll get the pothole filled" (the council's service promised by an account that is not it).</item>
/// </list>
/// Chatter, photo captions and questions hold none of these; a repost of an official statement in its own
/// terms is cleared later, since the comparison finds it agrees. A bare request for card details with
/// nothing promised stays impersonation only (<see cref="LookAlikeVoice"/>).
/// </summary>
internal static partial class LookAlikeAnnouncement
{
    public static TextSpan? Find(string sentenceText)
    {
        var found = TermsVerb().Match(sentenceText);
        if (found.Success && !(TermsWord().IsMatch(sentenceText) && Substance().IsMatch(sentenceText)))
        {
            found = Match.Empty;
        }

        if (!found.Success)
        {
            found = Offer().Match(sentenceText);
        }

        if (!found.Success)
        {
            found = CancelledOrRefunded().Match(sentenceText);
        }

        if (!found.Success && DetailsAsked().IsMatch(sentenceText))
        {
            found = ActPromised().Match(sentenceText);
        }

        return found.Success ? new TextSpan(found.Index, found.Length, found.Value) : null;
    }

    // What terms are about: a charge, a fee, a rent, a hire or parking rate, a permit, a licence.
    [GeneratedRegex(
        @"\b(?:charges?|fees?|costs?|prices?|rates?|rents?|hire|permits?|licen[cs]es?|tickets?|tariffs?|pay (?:and|&) display|parking|subscriptions?)\b",
        RegexOptions.CultureInvariant)]
    private static partial Regex TermsWord();

    // A verb that sets or changes terms: "will cost", "is now", "becomes", "goes up", "rises",
    // "will be required", "needs a", "must have". Why: "fees stay at £160" keeps them and is not here.
    [GeneratedRegex(
        @"\b(?:will (?:now )?(?:cost|be|become|rise|go up|increase|apply|double)|now cost|costs|cost|(?:is|are) now|becomes?|go(?:es)? up|going up|rises?|rising|increase[sd]?|doubl(?:e|es|ing)|(?:is|are|will be) (?:needed|required|compulsory|mandatory|payable|introduced)|needs? (?:a|an)|must (?:have|display|buy|pay|register|apply|hold|get|book))\b",
        RegexOptions.CultureInvariant)]
    private static partial Regex TermsVerb();

    // Substance: a sum, a percentage, a rate per unit, or the date it starts.
    [GeneratedRegex(
        @"£\s?\d|\b\d+(?:\.\d+)?\s?%|\b\d+ ?(?:percent|per cent|pounds|quid)\b|\bper (?:hour|year|annum|session|item|vehicle|plot|week|month|day|car)\b|\ban? (?:hour|year|session|plot|week|month)\b"
        + @"|\b(?:from|starting|as of|with effect from|by|before) (?:the )?(?:\d|next|mon|tue|wed|thu|fri|sat|sun|jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec|spring|summer|autumn|winter|tomorrow)",
        RegexOptions.CultureInvariant)]
    private static partial Regex Substance();

    // Something offered in the council's name.
    [GeneratedRegex(
        @"\bfree (?:[\p{L}-]+ ){0,3}for (?:every|all|each|local|residents|households|families)\b|\b(?:is|are) (?:now )?free (?:for|to) (?:all|every|each|residents|local)\b"
        + @"|\b(?:free of charge|no charge|at no cost|no cost to you)\b|\bgive ?aways?\b|\bgiving (?:away\b|\d|(?:[\p{L}-]+ ){0,2}(?:families|households|residents|homes|pensioners)\b)"
        + @"|\bwin (?:a|an|one of)\b|\benter (?:our|the) (?:draw|prize draw|competition)\b"
        + @"|\b(?:grants?|payments?|vouchers?|rebates?|bursar(?:y|ies)|support)\b(?:\W+[\w£]+){0,4}?\W+(?:now )?(?:available|open) (?:to|for)\b"
        + @"|\b(?:gets?|receives?|will (?:get|receive)) (?:a |an )?(?:free |£\s?\d[\d,.]* )(?:[\p{L}-]+ ){0,2}(?:vouchers?|grants?|payments?|gifts?|bins?|trees?|packs?)\b",
        RegexOptions.CultureInvariant)]
    private static partial Regex Offer();

    // An event called off, or money promised back, in the future or passive of a notice.
    [GeneratedRegex(
        @"\b(?:will|'ll|shall) (?:all )?(?:be )?(?:refunded|reimbursed)\b|\brefunds? (?:will|are going to) be (?:processed|issued|paid|sent|made)\b"
        + @"|\b(?:will|'ll) (?:get|receive) (?:their|your|a|a full) (?:money back|refund|full refund)\b"
        + @"|\b(?:called off|will not (?:go ahead|take place|be going ahead)|won't (?:go ahead|take place|be going ahead)|not going ahead)\b",
        RegexOptions.CultureInvariant)]
    private static partial Regex CancelledOrRefunded();

    // A request for a resident's personal details: name, address, postcode, phone, email.
    [GeneratedRegex(
        @"\b(?:send|dm|message|pm|inbox|email|text|tell|give|comment|reply with|leave)\b(?: us| me)?(?: with)? (?:your|the) (?:full )?(?:name|address|postcode|post code|phone|mobile|number|email|details|house number|contact details)\b",
        RegexOptions.CultureInvariant)]
    private static partial Regex DetailsAsked();

    // What the account promises to do with them: "we'll get it filled", "our crew will come back".
    [GeneratedRegex(
        @"\b(?:we(?:'ll| will| can)|(?:our|a|the) [\p{L}-]+ (?:will|can)|someone will)\b(?:\W+\w+){0,3}?\W+(?:get|send|fix|fill|sort|come|call|ring|deliver|drop|arrange|book|repair|replace|collect|clear|look|have|pop)\b",
        RegexOptions.CultureInvariant)]
    private static partial Regex ActPromised();
}
