using System.Reflection;
using Microsoft.Extensions.Configuration;

namespace SocialWatch.Rules.Tests.Impersonation;

/// <summary>The shipped example quotes Leigh's policy word for word for every clause key the rules use.</summary>
public sealed class PolicyClauseConfigurationTests
{
    private static readonly string[] Keys = typeof(PolicyClauses)
        .GetFields(BindingFlags.Public | BindingFlags.Static)
        .Where(f => f.IsLiteral && f.Name != nameof(PolicyClauses.OrganisationPlaceholder))
        .Select(f => (string)f.GetRawConstantValue()!)
        .ToArray();

    private static readonly string Policy = File.ReadAllText(Path.Combine(RepoPaths.Root, "samples", "social-media-policy.txt"));

    [Fact]
    public void Every_key_has_a_neutral_default() =>
        Assert.All(Keys, key => Assert.DoesNotContain("Leigh", PolicyClauses.DefaultTexts[key], StringComparison.OrdinalIgnoreCase));

    [Fact]
    public void The_watch_file_quotes_the_policy_for_every_key()
    {
        var clauses = WatchOptions.LoadFile(RepoPaths.Watch).Policy.Clauses;
        Assert.All(Keys, key => Assert.Contains(clauses[key], Policy, StringComparison.Ordinal));
    }

    [Fact]
    public void The_example_settings_quote_the_policy_for_every_key()
    {
        var watch = new WatchOptions();
        new ConfigurationBuilder().AddJsonFile(Path.Combine(RepoPaths.Root, "settings.example.json")).Build()
            .GetSection(WatchOptions.SectionName).Bind(watch);
        var texts = PolicyClauses.TextsFor(watch);
        Assert.All(Keys, key => Assert.Contains(texts[key], Policy, StringComparison.Ordinal));
    }
}
