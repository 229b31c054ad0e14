using System.Globalization;
using System.Text.Json;
using Dapper;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using Npgsql;
using SocialWatch.Fakes.X;
using SocialWatch.Worker.Alerts;
using SocialWatch.Worker.Ingestion;
using SocialWatch.Worker.Storage;
using SocialWatch.Worker.Tests.Alerts;

namespace SocialWatch.Worker.Tests.Hostile;

/// <summary>
/// The hostile corpus through the whole worker: fetched from the X fake (the real connector and its JSON
/// handling), stored by PostStore, run through the rules, and every post emailed to the clerk. Nothing
/// throws, nothing is lost (each text comes back as sent, with only NUL and lone surrogates replaced by
/// U+FFFD, as docs/decisions.md says), and every email arrives inert.
/// </summary>
public sealed class HostileCorpusTests
{
    private const string Mention = "@LeighTownCouncil ";

    [Fact]
    public async Task Every_hostile_post_and_profile_is_stored_intact_ruled_on_and_emailed_inert()
    {
        await using var x = await XFake.StartAsync();
        x.AddUser(new XFakeUser(TestHosts.OfficialXId, "LeighTownCouncil", "Leigh Town Council"));
        var authors = HostileCorpus.Profiles.Select((p, i) => new XFakeUser((2_000_000_001L + i).ToString(CultureInfo.InvariantCulture), p.Handle, p.DisplayName, p.Bio)).ToList();
        authors.ForEach(x.AddUser);
        var published = HostileCorpus.Posts.Select((p, i) => (p.Name, Post: x.Post(authors[i % authors.Count].Id, Mention + p.Text))).ToList();

        await using var smtp = SmtpSink.Create();
        var db = await TestDatabase.CreateAsync();
        var settings = TestHosts.Settings(db).WithXSource(x, name: "x-mentions", kind: "Mentions", target: "LeighTownCouncil").WithSmtp(smtp);
        settings["X:PageSize"] = "10";
        using var host = TestHosts.Build(settings);
        await host.Get<SourceStore>().SyncAsync(host.Get<IOptions<SourcesOptions>>().Value.Items, default);

        var outcome = await host.Get<SourcePoller>().PollAsync("x-mentions", default);
        Assert.Null(outcome.Error);
        Assert.Equal(published.Count, outcome.NewPosts);

        await using var connection = new NpgsqlConnection(db);
        foreach (var (name, post) in published)
        {
            var stored = await connection.QuerySingleAsync<(string Text, string RawText)>(
                "SELECT text, raw->>'text' FROM posts WHERE platform_id = @id", new { id = post.Id });
            Assert.True(StoredText.Clean(post.Text) == stored.Text, $"{name}: stored text differs");
            Assert.True(StoredText.Clean(post.Text) == stored.RawText, $"{name}: raw JSON text differs");
        }
        foreach (var author in authors)
        {
            var stored = await connection.QuerySingleAsync<(string Handle, string DisplayName, string Bio)>(
                "SELECT handle, display_name, bio FROM accounts WHERE platform_id = @id", new { id = author.Id });
            Assert.Equal(StoredText.Clean(author.Username), stored.Handle);
            Assert.Equal(StoredText.Clean(author.Name), stored.DisplayName);
            Assert.Equal(StoredText.Clean(author.Description), stored.Bio);
        }

        // Whatever the rules made of them, every post now gets an urgent flag of its own, with evidence
        // quoting the hostile text, so that every one is rendered into an email.
        var posts = (await connection.QueryAsync<(long Id, long AccountId, string Text)>(
            "SELECT p.id, p.account_id, p.text FROM posts p WHERE NOT EXISTS (SELECT 1 FROM flags f WHERE f.post_id = p.id AND f.rule = 'hostile_test')")).ToList();
        foreach (var (id, accountId, text) in posts)
        {
            var evidence = JsonSerializer.Serialize(new Dictionary<string, string> { ["reason"] = text[..Math.Min(text.Length, 300)], ["<b>matched</b>\r\nBcc: x"] = text });
            await AlertTestKit.AddFlagAsync(db, AlertTestKit.Flag(accountId, id, rule: "hostile_test", evidence: evidence));
        }
        while ((await host.Dispatcher().RunOnceAsync(CancellationToken.None)).Sent > 0)
        {
        }

        var immediate = await connection.ExecuteScalarAsync<long>("SELECT count(*) FROM alert_outbox WHERE delivery = 'immediate'");
        Assert.Equal(0L, await connection.ExecuteScalarAsync<long>("SELECT count(*) FROM alert_outbox WHERE delivery = 'immediate' AND status <> 'sent'"));
        Assert.True(immediate >= published.Count);
        Assert.Equal((int)immediate, smtp.Mailbox.Count);
        Assert.Equal((int)immediate, smtp.Accepted.Count);
        foreach (var received in smtp.Accepted)
        {
            Assert.Equal([AlertTestKit.Clerk], received.Recipients);
            EmailChecks.AssertInert(received.Message);
            var headers = System.Text.Encoding.ASCII.GetString(received.Raw).Split("\r\n\r\n")[0].Split("\r\n");
            Assert.Single(headers, h => h.StartsWith("Subject:", StringComparison.Ordinal));
            Assert.DoesNotContain(headers, h => h.StartsWith("Bcc", StringComparison.OrdinalIgnoreCase));
        }
    }
}
