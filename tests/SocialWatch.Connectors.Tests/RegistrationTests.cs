using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using SocialWatch.Connectors.Avatars;
using SocialWatch.Connectors.Facebook;

namespace SocialWatch.Connectors.Tests;

public sealed class RegistrationTests
{
    private static IConfiguration Config(Dictionary<string, string?> values) => new ConfigurationBuilder().AddInMemoryCollection(values).Build();

    [Fact]
    public void Every_platform_has_one_connector_and_the_defaults_validate()
    {
        using var harness = new Harness([]);
        var platforms = harness.Services.GetServices<ISourceConnector>().Select(c => c.Platform).ToList();
        Assert.Equal(["x", "facebook", "bluesky", "mastodon", "rss"], platforms);
        Assert.Equal(new Uri("https://graph.facebook.com/v25.0"), harness.Services.GetRequiredService<IOptions<FacebookOptions>>().Value.BaseUrl);
        Assert.NotNull(harness.Services.GetRequiredService<AvatarFetcher>());
    }

    [Fact]
    public void A_bad_setting_is_refused_naming_the_setting()
    {
        using var harness = new Harness(new() { ["Facebook:PageSize"] = "500" });
        var e = Assert.Throws<OptionsValidationException>(() => harness.Services.GetRequiredService<IOptions<FacebookOptions>>().Value);
        Assert.Contains("PageSize", e.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("facebook", SourceKind.OfficialTimeline, "Facebook:PageAccessToken is required (environment variable Facebook__PageAccessToken)")]
    [InlineData("facebook", SourceKind.Mentions, "Facebook:PageAccessToken is required (environment variable Facebook__PageAccessToken)")]
    [InlineData("facebook", SourceKind.AccountSearch, "Facebook__SearchAccessToken")]
    [InlineData("facebook", SourceKind.Search, "no keyword search")]
    [InlineData("bluesky", SourceKind.Search, "Bluesky:Handle is required (environment variable Bluesky__Handle)")]
    [InlineData("bluesky", SourceKind.Mentions, "Bluesky__Handle")]
    [InlineData("mastodon", SourceKind.Mentions, "Mastodon:AccessToken is required (environment variable Mastodon__AccessToken)")]
    [InlineData("mastodon", SourceKind.Search, "Mastodon__AccessToken")]
    [InlineData("mastodon", SourceKind.AccountSearch, "Mastodon__AccessToken")]
    public void Missing_credentials_are_named(string platform, SourceKind kind, string expected)
    {
        var problem = ConnectorRegistration.CredentialProblem(Config([]), platform, kind);
        Assert.NotNull(problem);
        Assert.Contains(expected, problem, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("bluesky", SourceKind.OfficialTimeline)]
    [InlineData("bluesky", SourceKind.AccountSearch)]
    [InlineData("mastodon", SourceKind.OfficialTimeline)]
    [InlineData("mastodon", SourceKind.StaffAccount)]
    [InlineData("rss", SourceKind.NewsFeed)]
    public void Public_sources_need_no_credentials(string platform, SourceKind kind) =>
        Assert.Null(ConnectorRegistration.CredentialProblem(Config([]), platform, kind));

    [Fact]
    public void Configured_credentials_satisfy_the_check()
    {
        var config = Config(new()
        {
            ["Facebook:PageAccessToken"] = "p", ["Bluesky:Handle"] = "h", ["Bluesky:AppPassword"] = "a", ["Mastodon:AccessToken"] = "m",
        });
        Assert.Null(ConnectorRegistration.CredentialProblem(config, "facebook", SourceKind.Mentions));
        Assert.Null(ConnectorRegistration.CredentialProblem(config, "facebook", SourceKind.AccountSearch));
        Assert.Null(ConnectorRegistration.CredentialProblem(config, "bluesky", SourceKind.Search));
        Assert.Null(ConnectorRegistration.CredentialProblem(config, "mastodon", SourceKind.Search));
    }
}
