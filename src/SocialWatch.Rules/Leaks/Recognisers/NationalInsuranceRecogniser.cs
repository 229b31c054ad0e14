using System.Text.RegularExpressions;

namespace SocialWatch.Rules.Leaks.Recognisers;

/// <summary>
/// National Insurance numbers ("AB 12 34 56 C"): two prefix letters, six digits, suffix A–D, with
/// HMRC's format rules as validation: neither prefix letter is D, F, I, Q, U or V; the second is not
/// O; BG, GB, KN, NK, NT, TN and ZZ are never issued. So the specimen "QQ 12 34 56 C" is not one on its
/// own, nor beside a bare "NI". Beside "NI number" or "National Insurance" (words naming it) a number of the right shape
/// that breaks the prefix rules counts all the same: the words say it is someone's number, and a typo or a
/// made-up prefix does not make the rest of it less personal.
/// </summary>
internal sealed partial class NationalInsuranceRecogniser : PatternRecogniser
{
    public override string Entity => Entities.NationalInsurance;

    public override bool MayApply(string folded) => folded.AsSpan().IndexOfAnyInRange('0', '9') >= 0;

    protected override Regex Pattern => Nino();

    protected override double BaseScore => 0.6;

    protected override IReadOnlyList<string> ContextWords { get; } =
        ["ni", "nino", "national insurance", "ni number", "ni no", "hmrc", "payroll", "p45", "p60", "tax code"];

    protected override IReadOnlyList<string> NamingWords { get; } = ["national insurance", "ni number", "ni no", "nino", "n.i. number"];

    protected override string PatternReason => "National Insurance number format (HMRC prefix rules, suffix A-D)";

    protected override Validity Validate(Match match, DateOnly asOf)
    {
        Span<char> compact = stackalloc char[9];
        var n = 0;
        foreach (var c in match.ValueSpan)
        {
            if (c != ' ' && n < compact.Length)
            {
                compact[n++] = c;
            }
        }

        return n != 9 ? Validity.Invalid
            : IsValid(compact) ? Validity.Plausible
            : HasShape(compact) ? Validity.OnlyWithContext
            : Validity.Invalid;
    }

    /// <summary>Two letters, six digits and a suffix A–D, whatever the prefix.</summary>
    private static bool HasShape(ReadOnlySpan<char> compact)
    {
        for (var i = 2; i < 8; i++)
        {
            if (!char.IsAsciiDigit(compact[i]))
            {
                return false;
            }
        }

        return char.IsAsciiLetter(compact[0]) && char.IsAsciiLetter(compact[1]) && char.ToUpperInvariant(compact[8]) is >= 'A' and <= 'D';
    }

    /// <summary>HMRC format rules on the nine characters without spaces (any case).</summary>
    public static bool IsValid(ReadOnlySpan<char> compact)
    {
        if (compact.Length != 9)
        {
            return false;
        }

        var a = char.ToUpperInvariant(compact[0]);
        var b = char.ToUpperInvariant(compact[1]);
        if (!char.IsAsciiLetterUpper(a) || !char.IsAsciiLetterUpper(b) || "DFIQUV".Contains(a) || "DFIQUVO".Contains(b))
        {
            return false;
        }

        Span<char> prefix = [a, b];
        foreach (var never in (ReadOnlySpan<string>)["BG", "GB", "KN", "NK", "NT", "TN", "ZZ"])
        {
            if (prefix.SequenceEqual(never))
            {
                return false;
            }
        }

        for (var i = 2; i < 8; i++)
        {
            if (!char.IsAsciiDigit(compact[i]))
            {
                return false;
            }
        }

        return char.ToUpperInvariant(compact[8]) is >= 'A' and <= 'D';
    }

    [GeneratedRegex(@"(?<![a-z0-9])[a-z]{2} ?\d{2} ?\d{2} ?\d{2} ?[a-z](?![a-z0-9])", RegexOptions.CultureInvariant)]
    private static partial Regex Nino();
}
