using System.Collections.Frozen;

namespace SocialWatch.Rules;

/// <summary>
/// Keys of the policy clauses a flag can touch. A rule writes a key into <see cref="RuleFlag.PolicyClause"/>;
/// <see cref="Classifier"/> replaces it with the organisation's own wording from <c>Watch:Policy:Clauses</c>
/// (key → text) before returning the flag, so the rules hold no organisation's policy text. Keys missing
/// from configuration get an organisation-neutral default with the organisation's first name filled in.
/// </summary>
public static class PolicyClauses
{
    public const string NoCouncilNameInIdentities = nameof(NoCouncilNameInIdentities);

    public const string NoCouncilLogos = nameof(NoCouncilLogos);

    public const string NoFalseScreenNames = nameof(NoFalseScreenNames);

    public const string NoConfidentialMaterial = nameof(NoConfidentialMaterial);

    public const string ConfidentialInformationDefined = nameof(ConfidentialInformationDefined);

    public const string DataProtection = nameof(DataProtection);

    public const string ReportMisrepresentations = nameof(ReportMisrepresentations);

    public const string NoPersonalViewsAsCouncil = nameof(NoPersonalViewsAsCouncil);

    /// <summary>Placeholder replaced by the organisation's first configured name, in defaults and configured texts.</summary>
    public const string OrganisationPlaceholder = "{organisation}";

    /// <summary>
    /// Wording used for a key the configuration leaves out: the usual clauses of a council's social media
    /// policy, in neutral words. An organisation quotes its own policy in <c>Watch:Policy:Clauses</c>.
    /// </summary>
    public static IReadOnlyDictionary<string, string> DefaultTexts { get; } = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        [NoCouncilNameInIdentities] = "Social media identities, logon IDs and user names may not use {organisation}'s name.",
        [NoCouncilLogos] = "{organisation} logos may not be used.",
        [NoFalseScreenNames] = "Do not use pseudonyms or false screen names; be clear who you are and that you work for, or are a member of, {organisation}.",
        [NoConfidentialMaterial] = "Sharing confidential material or proprietary information outside of {organisation}.",
        [ConfidentialInformationDefined] = "Confidential information includes unpublished {organisation} business and certain financial information, for example quotations and tender costs.",
        [DataProtection] = "Information published by you must not reveal confidential {organisation} business and must respect data protection policies.",
        [ReportMisrepresentations] = "Misrepresentations made about {organisation} in the media should be brought to the attention of the clerk.",
        [NoPersonalViewsAsCouncil] = "Passing off personal views as representing those of {organisation}.",
    }.ToFrozenDictionary(StringComparer.Ordinal);

    /// <summary>
    /// The clause texts in effect for <paramref name="watch"/>: configured texts over the defaults (keys
    /// compared case-insensitively, as configuration keys are), with the placeholder filled in.
    /// </summary>
    public static FrozenDictionary<string, string> TextsFor(WatchOptions watch)
    {
        ArgumentNullException.ThrowIfNull(watch);
        var organisation = watch.Organisation.Names.FirstOrDefault(n => !string.IsNullOrWhiteSpace(n))?.Trim() ?? "the organisation";
        var texts = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var (key, text) in DefaultTexts)
        {
            texts[key] = text;
        }

        foreach (var (key, text) in watch.Policy.Clauses)
        {
            if (!string.IsNullOrWhiteSpace(key) && !string.IsNullOrWhiteSpace(text))
            {
                texts[key.Trim()] = text.Trim();
            }
        }

        return texts.ToFrozenDictionary(
            p => p.Key,
            p => p.Value.Replace(OrganisationPlaceholder, organisation, StringComparison.OrdinalIgnoreCase),
            StringComparer.OrdinalIgnoreCase);
    }
}
