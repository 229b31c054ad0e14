using System.Text.RegularExpressions;

namespace SocialWatch.Rules.Leaks.Recognisers;

/// <summary>
/// A house-number address: a number (with a letter or a range: "41a", "71-73") then up to three words
/// ending in a street word ("3 Cliff Parade", "9 Leigh Hall Road"), optionally followed by a town and
/// a valid postcode; or "at number 41". A street address alone is often a staff member's own
/// everyday post ("free bike outside 19 Elm Road"), so it scores 0.35; with a postcode it is a full
/// postal address (0.7); a person word or a name near it makes it a person's home. So does a
/// word of casework or of an errand to the door near it ("the noise complaint is from 33 Grand Parade",
/// "drop the letter round to 14 Marine Parade"): a complaint, a letter or a visit is about the household
/// that lives there, with or without a person word.
/// </summary>
internal sealed partial class StreetAddressRecogniser : PatternRecogniser
{
    public override string Entity => Entities.Address;

    public override bool MayApply(string folded) => folded.AsSpan().IndexOfAnyInRange('0', '9') >= 0;

    protected override Regex Pattern => Address();

    protected override double BaseScore => 0.35;

    protected override int ContextWindowWords => 8;

    protected override IReadOnlyList<string> ContextWords => HomeWords;

    private static readonly IReadOnlyList<string> HomeWords =
    [
        .. PersonWords.All,
        "complaint", "complaints", "complained", "noise", "nuisance", "dispute", "enforcement", "letter", "warning",
        "round to", "pop round", "drop round", "knock on", "knocked", "door of", "visit to",
    ];

    protected override string PatternReason => "house number and street";

    protected override double ScoreOf(Match match) => match.Groups["pc"].Success ? 0.7 : BaseScore;

    protected override string ReasonOf(Match match) =>
        match.Groups["pc"].Success ? "house number, street and postcode (a full postal address)" : PatternReason;

    private const string Street =
        "road|rd|street|st|avenue|ave|lane|ln|parade|close|drive|dr|way|crescent|gardens|grove|place|terrace|hill|mall|court|walk|rise|row|square|mews|chase|green|park|view|vale|wharf|esplanade|boulevard";

    // Greedy loops on purpose: with the lazy form ("{1,3}?") followed by the optional postcode group,
    // the compiled and source-generated engines of .NET 10.0 returned the text before the house
    // number as a match, again and again (the interpreter did not); the greedy form matches the same
    // addresses.
    [GeneratedRegex(
        @"(?<![\w£$€.,:/-])\d{1,4}[a-z]?(?:-\d{1,4})?,? (?:[a-z']+ ){1,3}(?:" + Street + @")(?![\w-])"
        + @"(?:,? (?:[a-z-]+,? ){0,3}(?<pc>" + PostcodeRecogniser.Shape + @")(?![a-z0-9]))?"
        + @"|\bat number \d{1,4}(?!\w)",
        RegexOptions.CultureInvariant)]
    private static partial Regex Address();
}
