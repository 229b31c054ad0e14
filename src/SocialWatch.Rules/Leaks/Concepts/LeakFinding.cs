using System.Text.Json.Nodes;

namespace SocialWatch.Rules.Leaks.Concepts;

/// <summary>
/// What one leak concept found in a post: its name, how sure (0..1), the policy line it touches, one
/// plain sentence for the clerk, and the matched spans.
/// </summary>
internal sealed record LeakFinding(string Concept, double Score, string Clause, string Summary, JsonArray Signals);

/// <summary>One concept of the leak rule: a small, named idea with its own reason (see each file).</summary>
internal interface ILeakConcept
{
    LeakFinding? Check(LeakPost post);
}
