namespace SocialWatch.Rules;

/// <summary>An account as the rules see it. The avatar arrives already hashed (<see cref="PerceptualHash"/>).</summary>
public sealed record AccountInput(
    string Platform,
    string Id,
    string Handle,
    string DisplayName,
    string Bio,
    ulong? AvatarHash);

/// <summary>A post as the rules see it.</summary>
public sealed record PostInput(
    string Platform,
    string Id,
    string? Url,
    DateTimeOffset CreatedAt,
    string Text,
    AccountInput Author,
    string? InReplyTo);

/// <summary>One finding of one rule on one post or account.</summary>
/// <param name="Rule">One of <see cref="RuleNames"/>.</param>
/// <param name="Severity">One of <see cref="Severities"/>.</param>
/// <param name="Score">0..1, how sure the rule is.</param>
/// <param name="Evidence">Human-readable evidence: matched spans with offsets, look-alikes, distances.</param>
/// <param name="PolicyClause">
/// The policy line the finding touches, quoted. A rule writes a <see cref="PolicyClauses"/> key here;
/// <see cref="Classifier"/> returns the organisation's configured text and keeps the key in <see cref="ClauseKey"/>.
/// </param>
public sealed record RuleFlag(
    string Rule,
    string Severity,
    double Score,
    System.Text.Json.Nodes.JsonObject Evidence,
    string PolicyClause)
{
    /// <summary>The <see cref="PolicyClauses"/> key of <see cref="PolicyClause"/> (set by <see cref="Classifier"/>).</summary>
    public string ClauseKey { get; init; } = "";
}
