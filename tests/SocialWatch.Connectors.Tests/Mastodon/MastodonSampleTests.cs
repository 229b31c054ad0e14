using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using SocialWatch.Fakes;
using static SocialWatch.Connectors.Tests.FakeSources;

namespace SocialWatch.Connectors.Tests.Mastodon;

/// <summary>The documented example payloads, served as they are printed (elisions removed).</summary>
public sealed class MastodonSampleTests
{
    private static async Task<Run> ServeAsync(string path, string body, SourceSpec source)
    {
        await using var server = await FakeServer.StartAsync(app =>
        {
            var served = false;
            app.MapGet(path, () =>
            {
                // The sample once, then an empty page: the connector pages until nothing is left.
                var answer = served ? "[]" : body;
                served = true;
                return Results.Text(answer, "application/json");
            });
        });
        using var harness = new Harness(new()
        {
            ["Mastodon:BaseUrl"] = server.BaseAddress.ToString(),
            ["Mastodon:AccessToken"] = "t",
            ["Mastodon:RecheckRecent"] = "0",
        });
        return await harness.FetchAsync("mastodon", source, null);
    }

    [Fact]
    public async Task Account_statuses_sample()
    {
        var run = await ServeAsync("/api/v1/accounts/1/statuses", Samples.Load("mastodon/mastodon-accounts-id-statuses.json"),
            Spec("mastodon", SourceKind.OfficialTimeline, "1"));
        var post = Assert.Single(run.Posts);
        Assert.Equal("108880211901672326", post.PlatformId);
        Assert.Equal("108880209317577809", post.InReplyTo);
        Assert.Equal(DateTimeOffset.Parse("2022-08-24T22:29:46.493Z", System.Globalization.CultureInfo.InvariantCulture), post.CreatedAt);
    }

    [Fact]
    public async Task Full_status_sample()
    {
        var run = await ServeAsync("/api/v1/accounts/1/statuses", "[" + Samples.Load("mastodon/mastodon-statuses-id.json") + "]",
            Spec("mastodon", SourceKind.OfficialTimeline, "1"));
        var post = Assert.Single(run.Posts);
        Assert.Equal("Hello world", post.Text);
        Assert.Equal("https://mastodon.social/@Gargron/1", post.Url);
        var author = Assert.Single(run.Accounts);
        Assert.Equal(post.AuthorPlatformId, author.PlatformId);
        Assert.Equal("Gargron", author.Handle);
        Assert.Equal("Eugen", author.DisplayName);
        Assert.StartsWith("Developer of Mastodon", author.Bio, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Notifications_sample_keeps_only_mentions()
    {
        var run = await ServeAsync("/api/v1/notifications", Samples.Load("mastodon/mastodon-notifications.json"),
            Spec("mastodon", SourceKind.Mentions, "trwnh"));
        var post = Assert.Single(run.Posts);
        Assert.Equal("103186126728896492", post.PlatformId);
        Assert.Equal("@trwnh sup!", post.Text);
        Assert.Equal("971724", post.AuthorPlatformId);
        Assert.Contains(run.Accounts, a => a.PlatformId == "971724" && a.Handle == "zsc");
    }

    [Fact]
    public async Task Search_sample()
    {
        var run = await ServeAsync("/api/v2/search", Samples.Load("mastodon/mastodon-search-v2.json"), Spec("mastodon", SourceKind.Search, "cats"));
        Assert.Equal(["101068121469614510", "103085519055545958"], run.Posts.Select(p => p.PlatformId).Order(StringComparer.Ordinal));
        Assert.Contains(run.Posts, p => p.Text == "cats\ncats never change");
        Assert.Contains(run.Posts, p => p.Text == "Cats\n\nCats are inherently good at self-care.\n\n#cats");
    }

    [Fact]
    public async Task Account_search_and_entity_samples()
    {
        var search = await ServeAsync("/api/v1/accounts/search", Samples.Load("mastodon/mastodon-accounts-search.json"),
            Spec("mastodon", SourceKind.AccountSearch, "trwnh"));
        Assert.Equal(["14715", "418714", "419674"], search.Accounts.Select(a => a.PlatformId));
        Assert.Equal("trwnh@pixelfed.social", search.Accounts[1].Handle);

        var entity = await ServeAsync("/api/v1/accounts/search", "[" + Samples.Load("mastodon/mastodon-entity-account.json") + "]",
            Spec("mastodon", SourceKind.AccountSearch, "noiob"));
        var account = Assert.Single(entity.Accounts);
        Assert.Equal("noiob@awoo.space", account.Handle);
        Assert.Equal("https://files.mastodon.social/accounts/avatars/000/023/634/original/6ca8804dc46800ad.png", account.AvatarUrl);
        Assert.Contains("#awoo.space #admin", account.Bio, StringComparison.Ordinal);
        Assert.Equal(new DateTimeOffset(2017, 2, 8, 2, 0, 53, 274, TimeSpan.Zero), account.CreatedAt);
    }

    [Fact]
    public async Task Error_samples_name_the_problem()
    {
        await using var server = await FakeServer.StartAsync(app =>
        {
            app.MapGet("/api/v1/notifications", () => Results.Text(File.ReadAllText(Samples.Path("mastodon/mastodon-error-401-invalid-token.json")), "application/json", statusCode: 401));
            app.MapGet("/api/v1/accounts/9/statuses", () => Results.Text(File.ReadAllText(Samples.Path("mastodon/mastodon-error-404-record-not-found.json")), "application/json", statusCode: 404));
        });
        using var harness = new Harness(new() { ["Mastodon:BaseUrl"] = server.BaseAddress.ToString(), ["Mastodon:AccessToken"] = "t" });
        var unauthorised = await Assert.ThrowsAsync<ConnectorException>(() => harness.FetchAsync("mastodon", Spec("mastodon", SourceKind.Mentions, "x"), null));
        Assert.Equal(ConnectorFailure.Unauthorized, unauthorised.Failure);
        Assert.Contains("The access token is invalid", unauthorised.Message, StringComparison.Ordinal);
        var missing = await Assert.ThrowsAsync<ConnectorException>(() => harness.FetchAsync("mastodon", Spec("mastodon", SourceKind.StaffAccount, "9"), null));
        Assert.Equal(ConnectorFailure.Misconfigured, missing.Failure);
    }
}
