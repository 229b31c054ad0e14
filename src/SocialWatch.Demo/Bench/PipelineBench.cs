using System.Diagnostics;
using System.Globalization;
using System.Text.RegularExpressions;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using MimeKit;
using SocialWatch.Fakes.Mail;
using SocialWatch.Fakes.X;
using SocialWatch.Worker.Ingestion;
using SocialWatch.Worker;

namespace SocialWatch.Demo.Bench;

/// <summary>Whole-pipeline figures against loopback fakes: API calls per poll, posts read twice,
/// and the time from a post appearing on a platform to its alert being accepted by SMTP.</summary>
internal static partial class PipelineBench
{
    private const string StaffId = "2000000102";

    public sealed record QuotaResult(int Sources, double CallsPerIdlePoll, double CallsPerPollWithNews, int PostsServed, int PostsServedTwice);

    public sealed record LatencyResult(int Posts, TimeSpan PollInterval, TimeSpan Median, TimeSpan P95, TimeSpan Worst, int Missing);

    /// <summary>Settings for a host polling the X fake, the sample watch list, and the given sources.</summary>
    public static Dictionary<string, string?> Settings(string connectionString, XFake x, IEnumerable<(string Name, string Kind, string Target)> sources, TimeSpan every)
    {
        var settings = SocialWatch.Worker.Rules.WatchFileSettings.Load(Path.Combine(AppContext.BaseDirectory, "samples", "corpus", "watch.json"));
        settings["Database:ConnectionString"] = connectionString;
        settings["X:BaseUrl"] = x.Server.BaseAddress.ToString();
        settings["X:BearerToken"] = x.BearerToken;
        var i = 0;
        foreach (var (name, kind, target) in sources)
        {
            settings[$"Sources:{i}:Name"] = name;
            settings[$"Sources:{i}:Platform"] = "x";
            settings[$"Sources:{i}:Kind"] = kind;
            settings[$"Sources:{i}:Target"] = target;
            settings[$"Sources:{i}:Every"] = every.ToString();
            settings[$"Sources:{i}:BackfillDays"] = "0";
            i++;
        }
        return settings;
    }

    /// <summary>50 sources: a first poll of each, then a round with nothing new, then a round where half have one new post.</summary>
    public static async Task<QuotaResult> QuotaAsync(string connectionString, int sources, CancellationToken ct)
    {
        await using var x = await XFake.StartAsync();
        var ids = Enumerable.Range(1, sources).Select(i => (3_000_000_000L + i).ToString(CultureInfo.InvariantCulture)).ToList();
        foreach (var id in ids)
        {
            x.AddUser(new XFakeUser(id, "user" + id, "Resident " + id));
            for (var p = 0; p < 20; p++)
            {
                x.Post(id, $"Post {p} from {id} about the weather on the Broadway");
            }
        }
        using var host = WorkerHost.CreateBuilder(overrides: Settings(connectionString, x, ids.Select(id => ("src-" + id, "StaffAccount", id)), TimeSpan.FromMinutes(5)), jsonLogs: false).Build();
        var store = host.Services.GetRequiredService<SourceStore>();
        await store.SyncAsync(host.Services.GetRequiredService<IOptions<SourcesOptions>>().Value.Items, ct);
        var poller = host.Services.GetRequiredService<SourcePoller>();

        await PollAllAsync(poller, ids, ct);
        x.Server.ClearRequests();
        await PollAllAsync(poller, ids, ct);
        var idle = x.Server.Requests.Count / (double)sources;

        foreach (var id in ids.Where((_, i) => i % 2 == 0))
        {
            x.Post(id, $"Something new from {id}");
        }
        x.Server.ClearRequests();
        await PollAllAsync(poller, ids, ct);
        var withNews = x.Server.Requests.Count / (double)sources;
        return new QuotaResult(sources, idle, withNews, x.ServedPosts.Count, x.ServedPosts.Values.Count(n => n > 1));
    }

    private static async Task PollAllAsync(SourcePoller poller, IEnumerable<string> ids, CancellationToken ct)
    {
        foreach (var id in ids)
        {
            var outcome = await poller.PollAsync("src-" + id, ct);
            if (outcome.Error is not null)
            {
                throw new InvalidOperationException(outcome.Error);
            }
        }
    }

    /// <summary>Posts that each deserve an immediate alert appear on the platform at random moments;
    /// the worker runs as in production (Quartz, the outbox job, SMTP).</summary>
    public static async Task<LatencyResult> LatencyAsync(string connectionString, int posts, TimeSpan pollInterval, CancellationToken ct)
    {
        await using var x = await XFake.StartAsync();
        x.AddUser(new XFakeUser(StaffId, "priya_n_finance", "Priya Nair", "Finance Officer"));
        var mailFolder = Path.Combine(Path.GetTempPath(), "socialwatch-bench-mail-" + Guid.NewGuid().ToString("N")[..8]);
        await using var mail = MailCatcher.Start(mailFolder);
        var settings = Settings(connectionString, x, [("x-staff-priya", "StaffAccount", StaffId)], pollInterval);
        settings["Alerts:SmtpHost"] = "127.0.0.1";
        settings["Alerts:SmtpPort"] = mail.Port.ToString(CultureInfo.InvariantCulture);
        settings["Alerts:Security"] = "None";
        settings["Alerts:AllowInsecureSmtp"] = "true";
        settings["Alerts:To"] = "clerk@example.org";
        settings["Alerts:From"] = "socialwatch@example.org";
        settings["Alerts:SendEvery"] = "00:00:01";

        using var host = WorkerHost.CreateBuilder(overrides: settings, jsonLogs: false).Build();
        await host.StartAsync(ct);
        var published = new Dictionary<string, DateTimeOffset>();
        var random = new Random(7);
        var span = pollInterval * 10;
        var schedule = Enumerable.Range(0, posts).Select(_ => TimeSpan.FromMilliseconds(random.NextDouble() * span.TotalMilliseconds)).Order().ToList();
        var start = DateTimeOffset.UtcNow;
        for (var i = 0; i < posts; i++)
        {
            var wait = start + schedule[i] - DateTimeOffset.UtcNow;
            if (wait > TimeSpan.Zero)
            {
                await Task.Delay(wait, ct);
            }
            var amount = 20_000 + random.Next(80_000);
            var post = x.Post(StaffId, $"Between us, the lowest tender for job {i} came in at £{amount:N0}. Decision in Part 2 next week.");
            published[post.Id] = DateTimeOffset.UtcNow;
        }

        var latencies = new Dictionary<string, TimeSpan>();
        var deadline = DateTimeOffset.UtcNow + pollInterval * 3 + TimeSpan.FromSeconds(30);
        while (latencies.Count < posts && DateTimeOffset.UtcNow < deadline)
        {
            await Task.Delay(500, ct);
            foreach (var (at, raw) in mail.Received)
            {
                foreach (var id in PostIds(raw))
                {
                    if (published.TryGetValue(id, out var when) && !latencies.ContainsKey(id))
                    {
                        latencies[id] = at - when;
                    }
                }
            }
        }
        await host.StopAsync(CancellationToken.None);
        try
        {
            Directory.Delete(mailFolder, recursive: true);
        }
        catch (IOException)
        {
            // Temporary folder.
        }
        var sorted = latencies.Values.Order().ToList();
        if (sorted.Count == 0)
        {
            return new LatencyResult(posts, pollInterval, TimeSpan.Zero, TimeSpan.Zero, TimeSpan.Zero, posts);
        }
        return new LatencyResult(posts, pollInterval, sorted[sorted.Count / 2], sorted[(int)Math.Min(sorted.Count - 1, Math.Ceiling(sorted.Count * 0.95) - 1)], sorted[^1], posts - sorted.Count);
    }

    private static IEnumerable<string> PostIds(string rawMessage)
    {
        using var stream = new MemoryStream(System.Text.Encoding.UTF8.GetBytes(rawMessage));
        var message = MimeMessage.Load(stream);
        var text = (message.TextBody ?? "") + (message.HtmlBody ?? "");
        return StatusId().Matches(text).Select(m => m.Groups[1].Value).Distinct();
    }

    [GeneratedRegex(@"/status/(\d+)")]
    private static partial Regex StatusId();
}
