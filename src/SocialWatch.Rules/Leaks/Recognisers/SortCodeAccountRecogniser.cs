using System.Text.RegularExpressions;

namespace SocialWatch.Rules.Leaks.Recognisers;

/// <summary>
/// A bank sort code (nn-nn-nn or nn nn nn) together with an eight-digit account number, in either
/// order, a few words apart. A sort code alone names a bank branch, not a person, so only the pair is
/// recognised (0.55); "sort code", "account", "bank" near it raise the score. Validation drops the
/// impossible: a 00-00-00 sort code, an account of one repeated digit.
/// </summary>
internal sealed partial class SortCodeAccountRecogniser : PatternRecogniser
{
    public override string Entity => Entities.BankAccount;

    public override bool MayApply(string folded) => folded.AsSpan().IndexOfAnyInRange('0', '9') >= 0;

    protected override Regex Pattern => SortCodeAndAccount();

    protected override double BaseScore => 0.55;

    protected override IReadOnlyList<string> ContextWords { get; } =
        ["sort code", "sort", "account*", "acc", "acct", "a/c", "bank*", "bacs", "refund*", "transfer", "pay into", "paid into"];

    protected override string PatternReason => "a sort code (nn-nn-nn) with an eight-digit account number";

    protected override Validity Validate(Match match, DateOnly asOf)
    {
        var sort = match.Groups["sort"].Success ? match.Groups["sort"].ValueSpan : match.Groups["sort2"].ValueSpan;
        var account = match.Groups["acc"].Success ? match.Groups["acc"].ValueSpan : match.Groups["acc2"].ValueSpan;
        if (!sort.ContainsAnyExcept("0- ") || OneRepeatedDigit(account))
        {
            return Validity.Invalid;
        }

        return Validity.Plausible;
    }

    private static bool OneRepeatedDigit(ReadOnlySpan<char> account)
    {
        char? first = null;
        foreach (var c in account)
        {
            if (!char.IsAsciiDigit(c))
            {
                continue;
            }

            first ??= c;
            if (c != first)
            {
                return false;
            }
        }

        return true;
    }

    [GeneratedRegex(
        @"(?<![\w.,£$/-])(?<sort>\d{2}(?<s>[- ])\d{2}\k<s>\d{2})(?![\w/-])[^\d\n]{0,40}(?<![\w-])(?<acc>\d{8}|\d{4} \d{4})(?!\w)"
        + @"|(?<![\w.,£$/-])(?<acc2>\d{8})(?![\w/-])[^\d\n]{0,40}(?<![\w-])(?<sort2>\d{2}(?<s2>[- ])\d{2}\k<s2>\d{2})(?![\w/-])",
        RegexOptions.CultureInvariant)]
    private static partial Regex SortCodeAndAccount();
}
