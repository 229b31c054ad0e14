using Dapper;
using Microsoft.Extensions.Options;
using Npgsql;
using SocialWatch.Fakes.X;
using SocialWatch.Worker.Alerts;
using SocialWatch.Worker.Ingestion;
using SocialWatch.Worker.Tests.Alerts;

namespace SocialWatch.Worker.Tests.Production;

/// <summary>
/// Nothing about one council is compiled in: a made-up organisation, configured by its watch settings
/// alone, runs the whole pipeline (polling, rules, flags, alert emails) and no flag or email speaks of
/// Leigh, while each names the organisation it was configured with.
/// </summary>
public sealed class SecondOrganisationPipelineTests
{
    private const string Organisation = "Westmarsh Parish Council";
    private const string OfficialId = "7000000001";
    private const string StaffId = "7000000101";

    [Fact]
    public async Task A_second_organisation_runs_from_configuration_alone_and_nothing_mentions_Leigh()
    {
        await using var x = await XFake.StartAsync();
        x.AddUser(new XFakeUser(OfficialId, "WestmarshPC", Organisation, "The parish council of Westmarsh"));
        x.AddUser(new XFakeUser(StaffId, "kim_at_the_hall", "Kim Adebayo", "Parish clerk's assistant. Views my own."));
        x.AddUser(new XFakeUser("7000000201", "WestmarshPCounci1", "Westmarsh Parish Counci1", "News from the parish council"));
        x.Post(OfficialId, "The village hall stays open on Mondays all winter.");
        x.Post("7000000201", "Westmarsh Parish Council has decided to close the village hall on Mondays from next week.");
        x.Post(StaffId, "Between us, the lowest tender for the hall roof came in at £38,500 - decision in Part 2 on Tuesday.");

        var db = await TestDatabase.CreateAsync();
        await using var smtp = SmtpSink.Create();
        var settings = new Dictionary<string, string?>
        {
            ["Resilience:BaseDelay"] = "00:00:00.050",
            ["Resilience:MaxRetries"] = "1",
            ["Watch:Organisation:Names:0"] = Organisation,
            ["Watch:Organisation:Aliases:0"] = "Westmarsh PC",
            ["Watch:Organisation:Website"] = "westmarsh-pc.example",
            ["Watch:OfficialAccounts:0:Platform"] = "x",
            ["Watch:OfficialAccounts:0:Id"] = OfficialId,
            ["Watch:OfficialAccounts:0:Handle"] = "WestmarshPC",
            ["Watch:StaffAccounts:0:Platform"] = "x",
            ["Watch:StaffAccounts:0:Id"] = StaffId,
            ["Watch:StaffAccounts:0:Handle"] = "kim_at_the_hall",
            ["Watch:StaffAccounts:0:Name"] = "Kim Adebayo",
            ["Watch:StaffAccounts:0:Role"] = "Clerk's assistant",
            ["Web:BaseUrl"] = "https://review.westmarsh.example",
        }.WithDatabase(db)
            .WithXSource(x, name: "x-official", kind: "OfficialTimeline", target: OfficialId, index: 0)
            .WithXSource(x, name: "x-search", kind: "Search", target: "Westmarsh OR parish OR hall", index: 1)
            .WithXSource(x, name: "x-staff", kind: "StaffAccount", target: StaffId, index: 2)
            .WithSmtp(smtp);
        settings["Alerts:From"] = "socialwatch@westmarsh-pc.example";
        settings["Alerts:To"] = "clerk@westmarsh-pc.example";

        using var host = TestHosts.Build(settings);
        await host.Get<SourceStore>().SyncAsync(host.Get<IOptions<SourcesOptions>>().Value.Items, default);
        foreach (var source in new[] { "x-official", "x-search", "x-staff" })
        {
            var outcome = await host.Get<SourcePoller>().PollAsync(source, CancellationToken.None);
            Assert.Null(outcome.Error);
        }
        await host.Get<AlertDispatcher>().RunOnceAsync(CancellationToken.None);

        await using var connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(db) { Pooling = false }.ConnectionString);
        var flags = (await connection.QueryAsync<(string Rule, string Evidence, string Clause)>(
            "SELECT rule, evidence::text, policy_clause FROM flags ORDER BY id")).ToList();
        Assert.Contains(flags, f => f.Rule == "impersonation");
        Assert.Contains(flags, f => f.Rule == "misrepresentation");
        Assert.Contains(flags, f => f.Rule == "confidential_leak");
        foreach (var (rule, evidence, clause) in flags)
        {
            Assert.DoesNotContain("leigh", evidence + clause, StringComparison.OrdinalIgnoreCase);
        }
        Assert.Contains(flags, f => f.Clause.Contains(Organisation, StringComparison.Ordinal));

        Assert.NotEmpty(smtp.Mailbox);
        foreach (var mail in smtp.Mailbox)
        {
            var whole = mail.Subject + mail.TextBody + mail.HtmlBody + mail.MessageId;
            Assert.DoesNotContain("leigh", whole, StringComparison.OrdinalIgnoreCase);
            Assert.Contains(Organisation, mail.TextBody, StringComparison.Ordinal);
        }
    }
}
