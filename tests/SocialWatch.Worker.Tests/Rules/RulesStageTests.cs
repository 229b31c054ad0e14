using System.Text.Json;
using Dapper;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using Npgsql;
using SocialWatch.Fakes.X;
using SocialWatch.Worker.Ingestion;

namespace SocialWatch.Worker.Tests.Rules;

/// <summary>The rules stage inside ingestion: flags with evidence and their alerts, written with the page.</summary>
public sealed class RulesStageTests : IAsyncLifetime
{
    private const string StaffId = "2000000102";
    private XFake _x = null!;
    private string _db = "";
    private IHost _host = null!;

    public async Task InitializeAsync()
    {
        _x = await XFake.StartAsync();
        _x.AddUser(new XFakeUser(TestHosts.OfficialXId, "LeighTownCouncil", "Leigh Town Council", "Official account of Leigh-on-Sea Town Council"));
        _x.AddUser(new XFakeUser(StaffId, "priya_n_finance", "Priya Nair", "Finance Officer, Leigh Town Council. Views my own."));
        _x.AddUser(new XFakeUser("4000000001", "LeighTownCounci1", "Leigh Town Council", "Official news from Leigh Town Council"));
        _x.AddUser(new XFakeUser("4000000002", "ss9_dave", "Dave Price", "Leigh born and bred"));
        _db = await TestDatabase.CreateAsync();
        var settings = TestHosts.Settings(_db)
            .WithXSource(_x, name: "x-search", kind: "Search", target: "Leigh OR council OR tender OR library", index: 0)
            .WithXSource(_x, name: "x-staff", kind: "StaffAccount", target: StaffId, index: 1)
            .WithXSource(_x, name: "x-official", kind: "OfficialTimeline", target: TestHosts.OfficialXId, index: 2);
        _host = TestHosts.Build(settings);
        await _host.Get<SourceStore>().SyncAsync(_host.Get<IOptions<SourcesOptions>>().Value.Items, default);
    }

    public async Task DisposeAsync()
    {
        _host.Dispose();
        await _x.DisposeAsync();
    }

    private Task<PollOutcome> PollAsync(string source) => _host.Get<SourcePoller>().PollAsync(source, CancellationToken.None);

    private async Task<List<(string Rule, string Severity, string Handle, string Evidence, string Clause, long? PostId)>> FlagsAsync()
    {
        await using var connection = new NpgsqlConnection(_db);
        return (await connection.QueryAsync<(string, string, string, string, string, long?)>(
            "SELECT f.rule, f.severity, a.handle, f.evidence::text, f.policy_clause, f.post_id FROM flags f JOIN accounts a ON a.id = f.account_id ORDER BY f.id")).ToList();
    }

    [Fact]
    public async Task A_look_alike_account_is_flagged_once_with_evidence_the_clause_and_an_immediate_alert()
    {
        _x.Post("4000000001", "Leigh library will close for good next month, the council has decided.");
        await PollAsync("x-search");
        await PollAsync("x-search");

        var flags = await FlagsAsync();
        var impersonation = Assert.Single(flags, f => f.Rule == "impersonation");
        Assert.Equal("high", impersonation.Severity);
        Assert.Equal("LeighTownCounci1", impersonation.Handle);
        Assert.Null(impersonation.PostId);
        Assert.Contains("Leigh Town Council", impersonation.Clause, StringComparison.Ordinal);
        Assert.NotEqual(JsonValueKind.Undefined, JsonDocument.Parse(impersonation.Evidence).RootElement.ValueKind);

        await using var connection = new NpgsqlConnection(_db);
        Assert.Equal(flags.Count, await connection.ExecuteScalarAsync<long>("SELECT count(*) FROM alert_outbox"));
        Assert.Equal(1L, await connection.ExecuteScalarAsync<long>(
            "SELECT count(*) FROM alert_outbox o JOIN flags f ON f.id = o.flag_id WHERE f.rule = 'impersonation' AND o.delivery = 'immediate'"));
    }

    [Fact]
    public async Task A_staff_post_with_tender_prices_is_a_leak_and_an_edit_does_not_flag_it_twice()
    {
        var post = _x.Post(StaffId, "Between us, the lowest tender for the Pier Road resurfacing came in at £48,500 - decision at Part 2 on Tuesday.");
        await PollAsync("x-staff");
        _x.Edit(post.Id, "Between us, the lowest tender for the Pier Road resurfacing came in at £48,000 - decision at Part 2 on Tuesday.");
        var edited = await PollAsync("x-staff");
        Assert.Equal(1, edited.ChangedPosts);

        var leak = Assert.Single(await FlagsAsync(), f => f.Rule == "confidential_leak");
        Assert.Equal("high", leak.Severity);
        Assert.Contains("confidential", leak.Clause, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task A_claim_contradicting_an_official_statement_is_a_misrepresentation_and_a_thank_you_is_not()
    {
        _x.Post(TestHosts.OfficialXId, "Leigh Library is keeping its current opening hours: Mon-Sat 9am-5pm. No changes are planned.");
        await PollAsync("x-official");
        _x.Post("4000000002", "So the council has decided to close Leigh Library on Saturdays from next month. Disgraceful.");
        _x.Post("4000000002", "Thanks to the council for keeping the library open, lovely staff as ever.");
        await PollAsync("x-search");

        var flags = await FlagsAsync();
        var claim = Assert.Single(flags, f => f.Rule == "misrepresentation");
        Assert.Equal("ss9_dave", claim.Handle);
        Assert.NotNull(claim.PostId);
        await using var connection = new NpgsqlConnection(_db);
        Assert.Equal("So the council has decided to close Leigh Library on Saturdays from next month. Disgraceful.",
            await connection.ExecuteScalarAsync<string>("SELECT post_text FROM flagged_posts WHERE rule = 'misrepresentation'"));
    }

    [Fact]
    public async Task Official_accounts_are_never_flagged()
    {
        _x.Post(TestHosts.OfficialXId, "The council has decided: the Pier Road car park closes on Sunday for the carnival.");
        await PollAsync("x-official");
        Assert.Empty(await FlagsAsync());
    }
}
