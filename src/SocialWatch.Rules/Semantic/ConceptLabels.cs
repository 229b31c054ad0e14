namespace SocialWatch.Rules;

/// <summary>The labels of Semantic/concepts.txt.</summary>
public static class ConceptLabels
{
    /// <summary>The council as the agent of a decision, spending, position, future action or words.</summary>
    public const string Claim = "claim";

    /// <summary>The contrast set: what a sentence naming the council usually is when it claims nothing.</summary>
    public const string NotClaim = "not_claim";

    /// <summary>Confidential material and personal data (for the leak rule).</summary>
    public const string Leak = "leak";
}
