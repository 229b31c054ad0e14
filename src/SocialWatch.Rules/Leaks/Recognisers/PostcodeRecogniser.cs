using System.Text.RegularExpressions;

namespace SocialWatch.Rules.Leaks.Recognisers;

/// <summary>
/// A full UK postcode in the Royal Mail shape (outward code A9, A99, AA9, AA99, A9A or AA9A with the
/// letters each position allows, then 9AA). A postcode alone names a street, not a person (0.4); a
/// word that ties it to a person ("lives", "her", "resident") or a name near it makes it personal.
/// </summary>
internal sealed partial class PostcodeRecogniser : PatternRecogniser
{
    public override string Entity => Entities.Postcode;

    public override bool MayApply(string folded) => folded.AsSpan().IndexOfAnyInRange('0', '9') >= 0;

    protected override Regex Pattern => Postcode();

    protected override double BaseScore => 0.4;

    protected override int ContextWindowWords => 8;

    protected override IReadOnlyList<string> ContextWords => PersonWords.All;

    protected override string PatternReason => "full UK postcode format";

    internal const string Shape =
        @"(?:[a-pr-uwyz][0-9][0-9a-hjkpstuw]?|[a-pr-uwyz][a-hk-y][0-9][0-9abehmnprvwxy]?) ?[0-9][abd-hjlnp-uw-z]{2}";

    [GeneratedRegex(@"(?<![a-z0-9])" + Shape + @"(?![a-z0-9])", RegexOptions.CultureInvariant)]
    private static partial Regex Postcode();
}

/// <summary>Words that tie an address or a postcode to a person ("the resident at", "she lives", "his home").</summary>
internal static class PersonWords
{
    public static readonly IReadOnlyList<string> All =
    [
        "resident", "residents", "lives", "living", "live at", "lived", "her", "his", "she", "he", "their", "home",
        "neighbour*", "tenant*", "occupant*", "householder*", "complainant*", "address", "landlord*", "landlady",
    ];
}
