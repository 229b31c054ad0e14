using System.Globalization;

namespace SocialWatch.Rules.Misrepresentation;

/// <summary>
/// The one plain sentence a clerk reads first (evidence key "summary", the contract of the alert
/// e-mails and the review page): what the post says, against what, and why it matters under the policy.
/// </summary>
internal static class ClerkSummary
{
    private const int QuoteLength = 140;

    public static string For(string? claimText, string kind, PostInput? contradicted, bool staffPosition)
    {
        var what = claimText is null
            ? "This post names the council"
            : $"This post {kind}: \"{Shorten(claimText)}\"";
        if (staffPosition)
        {
            return $"{what}, a member of staff presenting a view as the council's position; the policy forbids passing off personal views as the council's.";
        }

        if (contradicted is not null)
        {
            var date = contradicted.CreatedAt.ToString("d MMMM yyyy", CultureInfo.InvariantCulture);
            return $"{what}, which contradicts the council's own post of {date}; misrepresentations of the council should reach the Town Clerk.";
        }

        return $"{what}, and no official statement seen confirms it; misrepresentations of the council should reach the Town Clerk.";
    }

    /// <summary>What kind of claim an assertion word makes, in words a clerk reads.</summary>
    public static string KindOf(string assertion) => assertion.TrimEnd('*') switch
    {
        "spent" or "spending" or "spend" or "fund" or "funding" or "bought" or "buying" => "says the council spent money",
        "said" or "says" or "say" or "told" or "tells" or "confirm" or "announce" => "reports what the council said",
        "will" or "won't" or "going to" or "plan" or "plans" or "planning" or "wants to" or "want to" => "says what the council will do",
        "backs" or "backed" or "backing" or "back" or "support" or "oppose" or "position" => "states a position as the council's",
        "want" or "wants" or "wanted" or "prefer" or "prefers" or "preferred" => "states a position as the council's",
        // Concealment put on the council (ConcealmentAttribution).
        var hiding when hiding.StartsWith("hid", StringComparison.Ordinal) || hiding.StartsWith("cover", StringComparison.Ordinal)
            || hiding.StartsWith("keeping", StringComparison.Ordinal) || hiding.StartsWith("kept", StringComparison.Ordinal)
            || hiding is "sitting on" or "sat on" || hiding.StartsWith("bur", StringComparison.Ordinal)
            || hiding.StartsWith("hush", StringComparison.Ordinal) || hiding.StartsWith("sw", StringComparison.Ordinal)
            || hiding.StartsWith("suppress", StringComparison.Ordinal) || hiding.StartsWith("withh", StringComparison.Ordinal)
            => "says the council is hiding something",
        var stance when stance.Contains("against", StringComparison.Ordinal) || stance.Contains("behind", StringComparison.Ordinal)
            || stance.Contains("favo", StringComparison.Ordinal) || stance.Contains("oppos", StringComparison.Ordinal)
            || stance.EndsWith(" pro", StringComparison.Ordinal) || stance.EndsWith(" anti", StringComparison.Ordinal)
            || stance.Contains("support", StringComparison.Ordinal) => "states a position as the council's",
        var money when money.Contains("money", StringComparison.Ordinal) || money.Contains("funds", StringComparison.Ordinal)
            || money.Contains("council tax", StringComparison.Ordinal) || money.Contains("precept", StringComparison.Ordinal)
            || money is "blown" or "blew" or "splashed" or "splurged" or "squandered" or "wasted" or "frittered" or "forked out"
                or "shelled out" or "chucked" or "thrown away" or "threw away" or "cash" => "says the council spent money",
        _ => "says the council has decided something",
    };

    private static string Shorten(string text)
    {
        text = text.ReplaceLineEndings(" ").Trim();
        return text.Length <= QuoteLength ? text : text[..QuoteLength].TrimEnd() + "…";
    }
}
