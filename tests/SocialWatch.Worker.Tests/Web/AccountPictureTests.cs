using System.Net;
using Npgsql;
using SocialWatch.Worker.Avatars;
using static SocialWatch.Worker.Tests.Alerts.AlertTestKit;

namespace SocialWatch.Worker.Tests.Web;

/// <summary>The account's kept picture on the review page: only for a signed-in clerk, only for flagged
/// accounts, exactly the stored bytes as their checked type.</summary>
public sealed class AccountPictureTests
{
    private const string LogoEvidence = """{"logo": {"image_distance": 4, "threshold": 10, "inverted": false}, "logo_similarity": 0.94}""";

    private static readonly byte[] Picture =
        File.ReadAllBytes(Path.Combine(TestHosts.RepoRoot(), "samples", "corpus", "avatars", "logo-recolour.png"));

    private static async Task KeepPictureAsync(string db, long account)
    {
        await using var connection = new NpgsqlConnection(db);
        await connection.OpenAsync();
        await using var tx = await connection.BeginTransactionAsync();
        Assert.True(await AvatarStore.SaveAsync(connection, tx, account, Picture, "https://pbs.example/p.png", default));
        await tx.CommitAsync();
    }

    [Fact]
    public async Task The_picture_is_served_only_to_a_signed_in_clerk_as_stored_and_only_for_flagged_accounts()
    {
        var db = await TestDatabase.CreateAsync();
        var flagged = await AccountAsync(db, "estuary_updates", "Estuary Updates");
        var flag = (await AddFlagAsync(db, Flag(flagged, null, evidence: LogoEvidence)))!.Value;
        await KeepPictureAsync(db, flagged);
        var neverFlagged = await AccountAsync(db, "kirsty_ss9", "Kirsty");
        await KeepPictureAsync(db, neverFlagged);
        var flaggedWithoutPicture = await AccountAsync(db, "no_picture", "No Picture");
        await AddFlagAsync(db, Flag(flaggedWithoutPicture, null, evidence: LogoEvidence));
        await using var page = await ReviewPage.StartAsync(Settings(db));
        using var client = page.Client();

        using (var anonymous = await client.GetAsync($"/avatar/{flagged}"))
        {
            Assert.Equal(HttpStatusCode.Redirect, anonymous.StatusCode);
            Assert.StartsWith("/signin", anonymous.Headers.Location!.PathAndQuery, StringComparison.Ordinal);
            Assert.NotEqual("image/png", anonymous.Content.Headers.ContentType?.MediaType);
        }

        await ReviewPage.SignInAsync(client, ReviewPage.Clerk, ReviewPage.Password);
        using (var served = await client.GetAsync($"/avatar/{flagged}"))
        {
            Assert.Equal(HttpStatusCode.OK, served.StatusCode);
            Assert.Equal("image/png", served.Content.Headers.ContentType?.MediaType);
            Assert.Equal(Picture, await served.Content.ReadAsByteArrayAsync());
            Assert.Equal("nosniff", Assert.Single(served.Headers.GetValues("X-Content-Type-Options")));
            Assert.True(served.Headers.CacheControl?.Private, $"Cache-Control: {served.Headers.CacheControl}");
            Assert.True(served.Headers.CacheControl?.NoStore, $"Cache-Control: {served.Headers.CacheControl}");
        }
        foreach (var none in new[] { neverFlagged, flaggedWithoutPicture, 999_999 })
        {
            using var missing = await client.GetAsync($"/avatar/{none}");
            Assert.True(missing.StatusCode == HttpStatusCode.NotFound, $"account {none}: {missing.StatusCode}");
        }

        // The flag's page shows it beside the logo, loaded from the page's own address.
        var html = await client.GetStringAsync($"/flags/{flag}");
        Assert.Contains($"<img src=\"/avatar/{flagged}\"", html, StringComparison.Ordinal);
        Assert.Contains("94% like", html, StringComparison.Ordinal);
        Assert.DoesNotContain("not kept by SocialWatch", html, StringComparison.Ordinal);
        var other = await ScalarAsync<long>(db, "SELECT id FROM flags WHERE account_id = @flaggedWithoutPicture", new { flaggedWithoutPicture });
        Assert.Contains("not kept by SocialWatch", await client.GetStringAsync($"/flags/{other}"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_clerk_role_reads_the_pictures_of_flagged_accounts_through_its_view_never_the_table()
    {
        var db = await TestDatabase.CreateAsync();
        var flagged = await AccountAsync(db, "estuary_updates", "Estuary Updates");
        await AddFlagAsync(db, Flag(flagged, null, evidence: LogoEvidence));
        await KeepPictureAsync(db, flagged);
        await KeepPictureAsync(db, await AccountAsync(db, "kirsty_ss9", "Kirsty"));

        await using var connection = new NpgsqlConnection(db);
        await connection.OpenAsync();
        await using var tx = await connection.BeginTransactionAsync();
        await using (var role = new NpgsqlCommand("SET LOCAL ROLE socialwatch_clerk", connection, tx))
        {
            await role.ExecuteNonQueryAsync();
        }
        await using (var view = new NpgsqlCommand("SELECT array_agg(account_id) FROM flagged_account_avatars", connection, tx))
        {
            Assert.Equal(new[] { flagged }, (long[])(await view.ExecuteScalarAsync())!);
        }
        await using var table = new NpgsqlCommand("SELECT count(*) FROM account_avatars", connection, tx);
        var refused = await Assert.ThrowsAsync<PostgresException>(() => table.ExecuteScalarAsync());
        Assert.Equal(PostgresErrorCodes.InsufficientPrivilege, refused.SqlState);
    }
}
