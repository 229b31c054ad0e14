using System.Text.RegularExpressions;

namespace SocialWatch.Rules.Leaks.Recognisers;

/// <summary>
/// UK phone numbers: mobiles (07…), geographic landlines (01…, 02…), 03 numbers, and the same after
/// +44 with or without the (0), in the groupings people type ("07700 900231", "(01702) 716 288",
/// "+44 (0)7700-900231"). Ten national digits after the 0: Ofcom's numbering plan. A phone number
/// is personal on its own (base score 0.6); words such as "mobile", "ring", "number" make it surer.
/// </summary>
internal sealed partial class PhoneNumberRecogniser : PatternRecogniser
{
    public override string Entity => Entities.Phone;

    public override bool MayApply(string folded) => folded.AsSpan().IndexOfAnyInRange('0', '9') >= 0;

    protected override Regex Pattern => Phone();

    protected override double BaseScore => 0.6;

    protected override IReadOnlyList<string> ContextWords { get; } =
        ["phone*", "mobile*", "number", "number's", "numbers", "ring", "call", "tel", "text", "whatsapp", "contact", "landline"];

    protected override string PatternReason => "UK phone number format (0 or +44, then ten digits starting 1, 2, 3 or 7)";

    protected override Validity Validate(Match match, DateOnly asOf)
    {
        var digits = 0;
        foreach (var c in match.ValueSpan)
        {
            if (char.IsAsciiDigit(c))
            {
                digits++;
            }
        }

        // "+44 (0)7700 900231" carries the trunk 0 as well: 12 or 13 digits; national form 11.
        var international = match.ValueSpan.StartsWith("+44");
        return (international ? digits is 12 or 13 : digits == 11) ? Validity.Plausible : Validity.Invalid;
    }

    // Not inside a longer number, a time, a decimal or a link; groups separated by one space, hyphen or bracket.
    [GeneratedRegex(@"(?<![\w.:/+£$€-])(?:\+44[ -]?(?:\(0\)[ -]?)?|\(?0)[1237]\d{1,4}\)?(?:[ -]?\d){5,8}(?![\w%]|\.\d|:\d)", RegexOptions.CultureInvariant)]
    private static partial Regex Phone();
}
