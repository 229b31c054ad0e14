using Dapper;
using Npgsql;
using static SocialWatch.Worker.Tests.Alerts.AlertTestKit;

namespace SocialWatch.Worker.Tests.Alerts;

/// <summary>The contract with the rules stage: a flag and its pending alert in one transaction.</summary>
public sealed class FlagStoreTests
{
    [Fact]
    public async Task A_high_flag_gets_an_immediate_alert_and_a_medium_one_waits_for_the_digest()
    {
        var db = await TestDatabase.CreateAsync();
        var account = await AccountAsync(db, "LeighTownCounci1");
        var post = await PostAsync(db, account, "hello");

        var high = await AddFlagAsync(db, Flag(account, post, "impersonation", "high"));
        var medium = await AddFlagAsync(db, Flag(account, post, "misrepresentation", "medium"));

        Assert.Equal("immediate", await ScalarAsync<string>(db, "SELECT delivery FROM alert_outbox WHERE flag_id = @high", new { high }));
        Assert.Equal("digest", await ScalarAsync<string>(db, "SELECT delivery FROM alert_outbox WHERE flag_id = @medium", new { medium }));
        Assert.Equal("pending", await ScalarAsync<string>(db, "SELECT DISTINCT status FROM alert_outbox"));
    }

    [Fact]
    public async Task The_same_post_and_rule_is_flagged_once_and_alerted_once()
    {
        var db = await TestDatabase.CreateAsync();
        var account = await AccountAsync(db, "LeighTownCounci1");
        var post = await PostAsync(db, account, "hello");

        Assert.NotNull(await AddFlagAsync(db, Flag(account, post)));
        Assert.Null(await AddFlagAsync(db, Flag(account, post)));
        // Account-level findings (no post) are one per account and rule too.
        Assert.NotNull(await AddFlagAsync(db, Flag(account, null)));
        Assert.Null(await AddFlagAsync(db, Flag(account, null)));

        Assert.Equal(2L, await ScalarAsync<long>(db, "SELECT count(*) FROM flags"));
        Assert.Equal(2L, await ScalarAsync<long>(db, "SELECT count(*) FROM alert_outbox"));
    }

    [Fact]
    public async Task A_rolled_back_page_leaves_neither_flag_nor_alert()
    {
        var db = await TestDatabase.CreateAsync();
        var account = await AccountAsync(db, "LeighTownCounci1");
        await using (var connection = new NpgsqlConnection(db))
        {
            await connection.OpenAsync();
            await using var tx = await connection.BeginTransactionAsync();
            Assert.NotNull(await Worker.Alerts.FlagStore.AddAsync(connection, tx, Flag(account, null), new Worker.Alerts.AlertsOptions().DismissedSuppressionDays, CancellationToken.None));
            await tx.RollbackAsync();
        }
        Assert.Equal(0L, await ScalarAsync<long>(db, "SELECT count(*) FROM flags"));
        Assert.Equal(0L, await ScalarAsync<long>(db, "SELECT count(*) FROM alert_outbox"));
    }

    [Fact]
    public async Task After_the_clerk_dismissed_a_rule_on_an_account_new_flags_are_stored_dismissed_without_an_alert()
    {
        var db = await TestDatabase.CreateAsync();
        var account = await AccountAsync(db, "LeighBoatClub");
        var other = await AccountAsync(db, "SomeoneElse");
        var first = await AddFlagAsync(db, Flag(account, await PostAsync(db, account, "one")));
        await using (var connection = new NpgsqlConnection(db))
        {
            await connection.ExecuteAsync("SELECT review_flag(@first, 'dismissed', 'the boat club, not an impersonator', 'clerk')", new { first });
        }

        var second = await AddFlagAsync(db, Flag(account, await PostAsync(db, account, "two")));
        var otherRule = await AddFlagAsync(db, Flag(account, await PostAsync(db, account, "three"), rule: "misrepresentation", severity: "medium"));
        var otherAccount = await AddFlagAsync(db, Flag(other, await PostAsync(db, other, "four")));

        Assert.Equal("dismissed", await ScalarAsync<string>(db, "SELECT status FROM flags WHERE id = @second", new { second }));
        Assert.Equal("socialwatch", await ScalarAsync<string>(db, "SELECT reviewed_by FROM flags WHERE id = @second", new { second }));
        Assert.Contains($"dismissed flag {first}", await ScalarAsync<string>(db, "SELECT review_note FROM flags WHERE id = @second", new { second }), StringComparison.Ordinal);
        Assert.Equal(0L, await ScalarAsync<long>(db, "SELECT count(*) FROM alert_outbox WHERE flag_id = @second", new { second }));
        Assert.Equal(1L, await ScalarAsync<long>(db, "SELECT count(*) FROM alert_outbox WHERE flag_id = @otherRule", new { otherRule }));
        Assert.Equal(1L, await ScalarAsync<long>(db, "SELECT count(*) FROM alert_outbox WHERE flag_id = @otherAccount", new { otherAccount }));

        // An old dismissal no longer suppresses.
        await using (var connection = new NpgsqlConnection(db))
        {
            await connection.ExecuteAsync("UPDATE flags SET reviewed_at = now() - interval '91 days' WHERE id = @first", new { first });
        }
        var third = await AddFlagAsync(db, Flag(account, await PostAsync(db, account, "five")));
        Assert.Equal("open", await ScalarAsync<string>(db, "SELECT status FROM flags WHERE id = @third", new { third }));
        Assert.Equal(1L, await ScalarAsync<long>(db, "SELECT count(*) FROM alert_outbox WHERE flag_id = @third", new { third }));
    }
}
