using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using SocialWatch.Fakes;
using static SocialWatch.Connectors.Tests.FakeSources;

namespace SocialWatch.Connectors.Tests.Facebook;

/// <summary>The documented example payloads, served as printed (elisions removed).</summary>
public sealed class FacebookSampleTests
{
    [Fact]
    public async Task Page_feed_sample()
    {
        var body = Samples.Load("facebook/facebook-page-feed.json");
        await using var server = await FakeServer.StartAsync(app =>
            app.MapGet("/v25.0/{page}/posts", (HttpContext http) =>
                // The sample's after cursor leads to an empty last page.
                Results.Text(http.Request.Query.ContainsKey("after") ? """{"data":[]}""" : body, "application/json")));
        using var harness = new Harness(new()
        {
            ["Facebook:BaseUrl"] = new Uri(server.BaseAddress, "v25.0").ToString(),
            ["Facebook:PageAccessToken"] = "t",
            ["Facebook:RecheckRecentPosts"] = "0",
        });
        var run = await harness.FetchAsync("facebook", Spec("facebook", SourceKind.OfficialTimeline, "20531316728"), null);
        Assert.Equal(["Become a Facebook developer!", "Hello world!", "Friday Funday!"], run.Posts.Select(p => p.Text));
        Assert.Equal("{page-id}_2191966997525824", run.Posts[0].PlatformId);
        Assert.Equal(new DateTimeOffset(2019, 5, 17, 16, 24, 4, TimeSpan.Zero), run.Posts[0].CreatedAt);
        Assert.Contains(server.Requests, r => r.Contains("after=Q2c4U1pXNT...", StringComparison.Ordinal) || r.Contains("after=Q2c4U1pXNT.", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Pages_search_sample()
    {
        var body = Samples.Load("facebook/facebook-pages-search.json");
        await using var server = await FakeServer.StartAsync(app => app.MapGet("/v25.0/pages/search", () => Results.Text(body, "application/json")));
        using var harness = new Harness(new() { ["Facebook:BaseUrl"] = server.BaseAddress + "v25.0", ["Facebook:SearchAccessToken"] = "app|secret" });
        var run = await harness.FetchAsync("facebook", Spec("facebook", SourceKind.AccountSearch, "Facebook"), null);
        Assert.Equal(["309968765748101", "194776097220801"], run.Accounts.Select(a => a.PlatformId));
        Assert.Equal("Facebook HQ", run.Accounts[0].DisplayName);
        Assert.Equal("fbseattle", run.Accounts[1].Handle);
        Assert.Contains("Menlo Park", run.Accounts[0].RawJson, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Cursor_limit_error_sample_is_a_configuration_problem()
    {
        await using var server = await FakeServer.StartAsync(app => app.MapGet("/v25.0/{page}/posts", () =>
            Results.Text(File.ReadAllText(Samples.Path("facebook/facebook-error-100-cursor-limit.json")), "application/json", statusCode: 400)));
        using var harness = new Harness(new() { ["Facebook:BaseUrl"] = server.BaseAddress + "v25.0", ["Facebook:PageAccessToken"] = "t" });
        var e = await Assert.ThrowsAsync<ConnectorException>(() => harness.FetchAsync("facebook", Spec("facebook", SourceKind.OfficialTimeline, "1"), null));
        Assert.Equal(ConnectorFailure.Misconfigured, e.Failure);
        Assert.Contains("After Cursor", e.Message, StringComparison.Ordinal);
    }
}
