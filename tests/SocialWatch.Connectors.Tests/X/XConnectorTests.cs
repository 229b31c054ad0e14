using SocialWatch.Fakes.X;
using static SocialWatch.Connectors.Tests.FakeSources;

namespace SocialWatch.Connectors.Tests.X;

/// <summary>Every X post read is billed, so these check that no post is ever asked for twice.</summary>
public sealed class XConnectorTests : IAsyncLifetime
{
    private XFake _fake = null!;

    public async Task InitializeAsync()
    {
        _fake = await XFake.StartAsync();
        _fake.AddUser(new XFakeUser("100", "LeighTC", "Leigh Town Council"));
        _fake.AddUser(new XFakeUser("200", "resident", "Resident"));
    }

    public Task DisposeAsync() => _fake.DisposeAsync().AsTask();

    private Harness Harness(string? bearer, string? owned) => new(new()
    {
        ["X:BaseUrl"] = _fake.Server.BaseAddress.ToString(),
        ["X:BearerToken"] = bearer,
        ["X:OwnedUserToken"] = owned,
        ["X:PageSize"] = "10",
        ["X:MaxPagesPerPoll"] = "100",
    });

    [Fact]
    public async Task Interrupted_and_repeated_polls_read_each_post_once()
    {
        var all = Enumerable.Range(0, 35).Select(i => _fake.Post("200", $"Leigh Town Council {i}").Id).ToList();
        using var harness = Harness(_fake.BearerToken, null);
        var source = Spec("x", SourceKind.Search, "\"Leigh Town Council\"");
        var partial = await harness.FetchAsync("x", source, null, stopAfterPages: 2);
        var late = _fake.Post("200", "Leigh Town Council late").Id;
        var rest = await harness.FetchAsync("x", source, partial.Cursor);
        var again = await harness.FetchAsync("x", source, rest.Cursor);
        var seen = partial.Posts.Concat(rest.Posts).Concat(again.Posts).Select(p => p.PlatformId).ToList();
        Assert.Equal(seen.Count, seen.Distinct().Count());
        Assert.Equal(all.Append(late).Order(StringComparer.Ordinal), seen.Order(StringComparer.Ordinal));
        Assert.Equal([late], again.Posts.Select(p => p.PlatformId));
    }

    [Fact]
    public async Task Owned_reads_work_with_only_the_owned_user_token()
    {
        _fake.Post("100", "Official notice");
        using var harness = Harness(null, _fake.BearerToken);
        var run = await harness.FetchAsync("x", Spec("x", SourceKind.OfficialTimeline, "@LeighTC"), null);
        Assert.Equal("Official notice", Assert.Single(run.Posts).Text);
    }

    [Fact]
    public async Task Owned_reads_use_the_owned_user_token_when_both_are_set()
    {
        _fake.Post("100", "Official notice");
        // The fake accepts only its one token: the owned read must be the one that carries it.
        using var harness = Harness("some-other-app-token", _fake.BearerToken);
        var e = await Assert.ThrowsAsync<ConnectorException>(() => harness.FetchAsync("x", Spec("x", SourceKind.OfficialTimeline, "@LeighTC"), null));
        Assert.Equal(ConnectorFailure.Unauthorized, e.Failure);
        Assert.Equal(["/2/users/by/username/LeighTC?user.fields=created_at,description,name,username,profile_image_url,verified,public_metrics"], _fake.Server.Requests);

        var run = await harness.FetchAsync("x", Spec("x", SourceKind.OfficialTimeline, "100"), null);
        Assert.Single(run.Posts);
    }
}
