using Dapper;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using Npgsql;
using SocialWatch.Fakes;
using SocialWatch.Fakes.X;
using SocialWatch.Worker.Avatars;
using SocialWatch.Worker.Ingestion;

namespace SocialWatch.Worker.Tests.Avatars;

/// <summary>Profile pictures: fetched over HTTP, hashed, compared with the council's logo.</summary>
public sealed class AvatarRefreshTests
{
    [Fact]
    public async Task A_recoloured_copy_of_the_logo_is_flagged_an_ordinary_photo_is_not_and_a_new_url_is_fetched_again()
    {
        var avatars = Path.Combine(TestHosts.RepoRoot(), "samples", "corpus", "avatars");
        await using var images = await FakeServer.StartAsync(app => app.MapGet("/img/{name}", (string name) =>
            Results.File(File.ReadAllBytes(Path.Combine(avatars, Path.GetFileName(name))), name.EndsWith(".jpg", StringComparison.Ordinal) ? "image/jpeg" : "image/png")));
        await using var x = await XFake.StartAsync();
        x.AddUser(new XFakeUser("7000000001", "estuary_updates", "Estuary Updates", "", new Uri(images.BaseAddress, "img/logo-recolour.png").ToString()));
        x.AddUser(new XFakeUser("7000000002", "kirsty_ss9", "Kirsty", "", new Uri(images.BaseAddress, "img/person-1.png").ToString()));
        x.Post("7000000001", "Road closures this weekend on the seafront");
        x.Post("7000000002", "Road closures again, ugh");

        var db = await TestDatabase.CreateAsync();
        var settings = TestHosts.Settings(db).WithXSource(x, name: "x-search", kind: "Search", target: "Road");
        settings["Avatars:RequireHttps"] = "false";
        settings["Avatars:AllowPrivateAddresses"] = "true";
        using var host = TestHosts.Build(settings);
        await host.Get<SourceStore>().SyncAsync(host.Get<IOptions<SourcesOptions>>().Value.Items, default);
        await host.Get<SourcePoller>().PollAsync("x-search", default);
        await using var connection = new NpgsqlConnection(db);
        Assert.Equal(0L, await connection.ExecuteScalarAsync<long>("SELECT count(*) FROM flags"));

        var flagged = await host.Get<AvatarRefresh>().RefreshAsync(default);

        Assert.Equal(1, flagged);
        var flag = await connection.QuerySingleAsync<(string Handle, string Rule, string Evidence)>(
            "SELECT a.handle, f.rule, f.evidence::text FROM flags f JOIN accounts a ON a.id = f.account_id");
        Assert.Equal(("estuary_updates", "impersonation"), (flag.Handle, flag.Rule));
        Assert.Contains("distance", flag.Evidence, StringComparison.OrdinalIgnoreCase);
        Assert.Equal(2L, await connection.ExecuteScalarAsync<long>("SELECT count(*) FROM accounts WHERE avatar_hash IS NOT NULL"));
        Assert.Equal(0, await host.Get<AvatarRefresh>().RefreshAsync(default));

        // The photo changes to a missing file: fetched again, the failure recorded, the old hash kept.
        x.AddUser(new XFakeUser("7000000002", "kirsty_ss9", "Kirsty", "", new Uri(images.BaseAddress, "img/missing.png").ToString()));
        x.Post("7000000002", "Road works done at last");
        await host.Get<SourcePoller>().PollAsync("x-search", default);
        await host.Get<AvatarRefresh>().RefreshAsync(default);
        var error = await connection.ExecuteScalarAsync<string>("SELECT avatar_error FROM accounts WHERE handle = 'kirsty_ss9'");
        Assert.False(string.IsNullOrEmpty(error));
    }
}
