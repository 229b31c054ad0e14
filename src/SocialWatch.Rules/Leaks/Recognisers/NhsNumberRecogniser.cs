using System.Text.RegularExpressions;

namespace SocialWatch.Rules.Leaks.Recognisers;

/// <summary>
/// NHS numbers: ten digits (often 3-3-4) whose last digit is the modulus-11 check digit. One random
/// ten-digit number in eleven passes the check, so the pattern alone is weak (0.3) and a passed check
/// makes it 0.8; "NHS", "patient", "hospital" near it add the rest.
/// </summary>
internal sealed partial class NhsNumberRecogniser : PatternRecogniser
{
    public override string Entity => Entities.Nhs;

    public override bool MayApply(string folded) => folded.AsSpan().IndexOfAnyInRange('0', '9') >= 0;

    protected override Regex Pattern => Nhs();

    protected override double BaseScore => 0.3;

    protected override IReadOnlyList<string> ContextWords { get; } = ["nhs", "patient", "hospital", "gp", "surgery", "health"];

    protected override string PatternReason => "ten digits in NHS number form";

    protected override Validity Validate(Match match, DateOnly asOf)
    {
        Span<char> digits = stackalloc char[10];
        var n = 0;
        foreach (var c in match.ValueSpan)
        {
            if (char.IsAsciiDigit(c) && n < digits.Length)
            {
                digits[n++] = c;
            }
        }

        return n == 10 && IsValid(digits) ? Validity.Certain : Validity.Invalid;
    }

    /// <summary>Weights 10..2 on the first nine digits, 11 − (sum mod 11), 11 → 0, 10 never issued.</summary>
    public static bool IsValid(ReadOnlySpan<char> digits)
    {
        if (digits.Length != 10)
        {
            return false;
        }

        var sum = 0;
        for (var i = 0; i < 9; i++)
        {
            if (!char.IsAsciiDigit(digits[i]))
            {
                return false;
            }

            sum += (digits[i] - '0') * (10 - i);
        }

        if (!char.IsAsciiDigit(digits[9]))
        {
            return false;
        }

        var check = 11 - (sum % 11);
        if (check == 11)
        {
            check = 0;
        }

        return check != 10 && check == digits[9] - '0';
    }

    [GeneratedRegex(@"(?<![\w.,£$-])\d{3}[ -]?\d{3}[ -]?\d{4}(?![\w%]|[.,]\d)", RegexOptions.CultureInvariant)]
    private static partial Regex Nhs();
}
