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

    [Fact]
    public async Task The_picture_that_looks_like_the_logo_is_kept_as_fetched_typed_by_its_bytes_and_an_ordinary_photo_is_not_kept()
    {
        var avatars = Path.Combine(TestHosts.RepoRoot(), "samples", "corpus", "avatars");
        var logoCopy = File.ReadAllBytes(Path.Combine(avatars, "logo-recolour.png"));
        // The server claims a JPEG; the bytes are a PNG, and the bytes decide.
        await using var images = await FakeServer.StartAsync(app =>
        {
            app.MapGet("/img/copy", () => Results.File(logoCopy, "image/jpeg"));
            app.MapGet("/img/photo", () => Results.File(File.ReadAllBytes(Path.Combine(avatars, "person-1.png")), "image/png"));
        });
        await using var x = await XFake.StartAsync();
        x.AddUser(new XFakeUser("7000000011", "estuary_updates", "Estuary Updates", "", new Uri(images.BaseAddress, "img/copy").ToString()));
        x.AddUser(new XFakeUser("7000000012", "kirsty_ss9", "Kirsty", "", new Uri(images.BaseAddress, "img/photo").ToString()));
        x.Post("7000000011", "Road closures this weekend on the seafront");
        x.Post("7000000012", "Road closures again, ugh");

        var db = await TestDatabase.CreateAsync();
        var settings = TestHosts.Settings(db).WithXSource(x, name: "x-search", kind: "Search", target: "Road");
        settings["Avatars:RequireHttps"] = "false";
        settings["Avatars:AllowPrivateAddresses"] = "true";
        using var host = TestHosts.Build(settings);
        await host.Get<SourceStore>().SyncAsync(host.Get<IOptions<SourcesOptions>>().Value.Items, default);
        await host.Get<SourcePoller>().PollAsync("x-search", default);

        Assert.Equal(1, await host.Get<AvatarRefresh>().RefreshAsync(default));

        await using var connection = new NpgsqlConnection(db);
        var kept = (await connection.QueryAsync<(string Handle, string ContentType, byte[] Image, string FetchedUrl)>(
            "SELECT a.handle, v.content_type, v.image, v.fetched_url FROM account_avatars v JOIN accounts a ON a.id = v.account_id")).ToList();
        var picture = Assert.Single(kept);
        Assert.Equal("estuary_updates", picture.Handle);
        Assert.Equal("image/png", picture.ContentType);
        Assert.Equal(logoCopy, picture.Image);
        Assert.EndsWith("/img/copy", picture.FetchedUrl, StringComparison.Ordinal);

        // It goes with the account.
        await connection.ExecuteAsync("DELETE FROM accounts WHERE handle = 'estuary_updates'");
        Assert.Equal(0L, await connection.ExecuteScalarAsync<long>("SELECT count(*) FROM account_avatars"));
    }

    [Fact]
    public async Task Bytes_that_are_not_an_image_are_refused_at_storage_whoever_writes_them()
    {
        var db = await TestDatabase.CreateAsync();
        await using var connection = new NpgsqlConnection(db);
        await connection.OpenAsync();
        var account = await connection.ExecuteScalarAsync<long>(
            "INSERT INTO accounts (platform, platform_id, handle) VALUES ('x', '7000000021', 'html_avatar') RETURNING id");
        var html = "<html><script>alert(1)</script></html>"u8.ToArray();

        await using (var tx = await connection.BeginTransactionAsync())
        {
            Assert.False(await AvatarStore.SaveAsync(connection, tx, account, html, "https://example.org/a.png", default));
            await tx.CommitAsync();
        }
        Assert.Equal(0L, await connection.ExecuteScalarAsync<long>("SELECT count(*) FROM account_avatars"));

        // The table refuses them too, and a real image under another image's type.
        var png = File.ReadAllBytes(Path.Combine(TestHosts.RepoRoot(), "samples", "corpus", "avatars", "person-1.png"));
        foreach (var (type, bytes) in new[] { ("image/png", html), ("image/jpeg", png), ("image/svg+xml", html) })
        {
            var refused = await Assert.ThrowsAsync<PostgresException>(() => connection.ExecuteAsync(
                "INSERT INTO account_avatars (account_id, content_type, image, fetched_url) VALUES (@account, @type, @bytes, 'https://example.org/a')",
                new { account, type, bytes }));
            Assert.Equal(PostgresErrorCodes.CheckViolation, refused.SqlState);
        }
        await using (var tx = await connection.BeginTransactionAsync())
        {
            Assert.True(await AvatarStore.SaveAsync(connection, tx, account, png, "https://example.org/a.png", default));
            await tx.CommitAsync();
        }
        Assert.Equal("image/png", await connection.ExecuteScalarAsync<string>("SELECT content_type FROM account_avatars"));
    }
}
