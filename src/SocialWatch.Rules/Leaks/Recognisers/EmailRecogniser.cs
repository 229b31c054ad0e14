using System.Text.RegularExpressions;

namespace SocialWatch.Rules.Leaks.Recognisers;

/// <summary>
/// Email addresses: a local part, '@', a domain with at least one dot. A bare @handle has no dot in a
/// domain and is not an email. Personal on its own (0.85); the council's own domain is excepted by the
/// scanner, from configuration.
/// </summary>
internal sealed partial class EmailRecogniser : PatternRecogniser
{
    public override string Entity => Entities.Email;

    public override bool MayApply(string folded) => folded.Contains('@');

    protected override Regex Pattern => Email();

    protected override double BaseScore => 0.85;

    protected override IReadOnlyList<string> ContextWords { get; } = ["email*", "e-mail*", "mail", "contact", "address"];

    protected override string PatternReason => "email address format (name@domain.tld)";

    [GeneratedRegex(@"(?<![\w.%+-])[a-z0-9._%+-]+@[a-z0-9-]+(?:\.[a-z0-9-]+)*\.[a-z]{2,}(?![\w-])", RegexOptions.CultureInvariant)]
    private static partial Regex Email();
}
