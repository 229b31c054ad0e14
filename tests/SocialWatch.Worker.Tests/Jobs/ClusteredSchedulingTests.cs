using Dapper;
using Microsoft.Extensions.Hosting;
using Npgsql;
using SocialWatch.Fakes.X;

namespace SocialWatch.Worker.Tests.Jobs;

/// <summary>Several workers on one database share the schedule through Quartz's clustered job store.</summary>
public sealed class ClusteredSchedulingTests
{
    [Fact]
    public async Task Two_workers_on_one_database_never_poll_the_same_source_at_the_same_time()
    {
        await using var x = await XFake.StartAsync();
        x.AddUser(new XFakeUser(TestHosts.OfficialXId, "LeighTownCouncil", "Leigh Town Council"));
        for (var i = 0; i < 30; i++)
        {
            x.Post(TestHosts.OfficialXId, $"Notice {i}");
        }
        // Each answer takes longer than the interval, so the trigger is always due while a poll runs.
        x.Server.ResponseDelay = TimeSpan.FromMilliseconds(1500);
        var db = await TestDatabase.CreateAsync();
        var settings = TestHosts.Settings(db).WithXSource(x, every: "00:00:01");

        using var first = TestHosts.Build(settings);
        using var second = TestHosts.Build(settings);
        await Task.WhenAll(first.StartAsync(), second.StartAsync());
        await using var connection = new NpgsqlConnection(db);
        // Both workers running and the source polled again and again while each answer outlasts the
        // interval: long enough for an overlap to show.
        var polledRepeatedly = await Faults.FaultScale.WaitUntilAsync(async () =>
            x.Server.Requests.Count >= 4
            && await connection.ExecuteScalarAsync<long>("SELECT count(*) FROM qrtz_scheduler_state") == 2
            && await connection.ExecuteScalarAsync<long>("SELECT count(*) FROM posts") == 30, TimeSpan.FromSeconds(60));
        await Task.WhenAll(first.StopAsync(), second.StopAsync());

        Assert.True(polledRepeatedly, $"expected repeated polls, saw {x.Server.Requests.Count} request(s)");
        Assert.Equal(1, x.Server.MaxConcurrentRequests);
        Assert.Equal(30L, await connection.ExecuteScalarAsync<long>("SELECT count(*) FROM posts"));
        Assert.Equal(2L, await connection.ExecuteScalarAsync<long>("SELECT count(*) FROM qrtz_scheduler_state"));
    }
}
