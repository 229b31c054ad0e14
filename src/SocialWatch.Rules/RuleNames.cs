namespace SocialWatch.Rules;

/// <summary>The rule names written into flags and used by <c>classify</c> and <c>eval</c>.</summary>
public static class RuleNames
{
    public const string Impersonation = "impersonation";
    public const string ConfidentialLeak = "confidential_leak";
    public const string Misrepresentation = "misrepresentation";

    public static IReadOnlyList<string> All { get; } = [Impersonation, ConfidentialLeak, Misrepresentation];
}

/// <summary>Flag severities.</summary>
public static class Severities
{
    public const string High = "high";
    public const string Medium = "medium";
    public const string Low = "low";
}
