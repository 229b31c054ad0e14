using System.Globalization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using SocialWatch.Fakes;
using SocialWatch.Fakes.X;
using SocialWatch.Rules;

namespace SocialWatch.Worker.Demo;

/// <summary>
/// The demo's platforms: loopback fakes speaking each platform's wire format, fed from the bundled
/// sample corpus (samples/corpus). About half the records are there at start; the rest appear one by
/// one while the demo runs, so the clerk sees new posts polled, flagged and alerted live.
/// Post ids are derived from each record's line, so every worker of a demo cluster serves the same ids.
/// </summary>
internal sealed class DemoPlatforms : IAsyncDisposable
{
    public const string DemoToken = "demo-token-not-a-secret";
    private const long IdBase = 1_900_000_000_000_000_000;

    private readonly IReadOnlyList<CorpusRecord> _records;
    private readonly Dictionary<string, string> _demoIds;
    private readonly CancellationTokenSource _stop = new();
    private Task _release = Task.CompletedTask;
    private int _released;
    private readonly FakeServer _images;

    private DemoPlatforms(XFake x, FakeServer images, IReadOnlyList<CorpusRecord> records)
    {
        X = x;
        _images = images;
        _records = records;
        _demoIds = records.ToDictionary(r => r.Id, r => (IdBase + r.LineNumber).ToString(CultureInfo.InvariantCulture), StringComparer.Ordinal);
    }

    public XFake X { get; }

    public int Released => Volatile.Read(ref _released);

    public int Total => _records.Count;

    public static async Task<DemoPlatforms> StartAsync(string corpusFile)
    {
        var records = CorpusReader.Read(corpusFile).Where(r => r.Platform == "x" && r.Author is not null).ToList();
        // Profile pictures are served over loopback HTTP too, so the avatar job fetches and hashes them.
        var folder = Path.GetDirectoryName(Path.GetFullPath(corpusFile))!;
        var images = await FakeServer.StartAsync(app => app.MapGet("/avatars/{name}", (string name) =>
        {
            var path = Path.Combine(folder, "avatars", Path.GetFileName(name));
            return File.Exists(path) ? Results.File(path, name.EndsWith(".jpg", StringComparison.Ordinal) ? "image/jpeg" : "image/png") : Results.NotFound();
        }));
        var x = await XFake.StartAsync(DemoToken);
        foreach (var author in records.Select(r => r.Author!).DistinctBy(a => a.Id))
        {
            var avatar = author.Avatar is { Length: > 0 } a ? new Uri(images.BaseAddress, "avatars/" + Path.GetFileName(a)).ToString() : null;
            x.AddUser(new XFakeUser(author.Id, author.Handle, author.DisplayName, author.Bio ?? "", avatar));
        }
        var demo = new DemoPlatforms(x, images, records);
        foreach (var record in records.Take(records.Count / 2))
        {
            demo.Publish(record);
        }
        return demo;
    }

    /// <summary>Publishes one more record every <paramref name="every"/> until all are out.</summary>
    public void ReleaseTheRest(TimeSpan every) => _release = Task.Run(async () =>
    {
        foreach (var record in _records.Skip(Released))
        {
            await Task.Delay(every, _stop.Token);
            Publish(record);
        }
    });

    private void Publish(CorpusRecord record)
    {
        Interlocked.Increment(ref _released);
        if (string.IsNullOrEmpty(record.Text))
        {
            return; // An account-only record: the account sweep finds it.
        }
        var replyTo = record.InReplyTo is { } parent ? _demoIds.GetValueOrDefault(parent) : null;
        X.Post(record.Author!.Id, record.Text, record.CreatedAt, replyTo, IdBase + record.LineNumber);
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        try
        {
            await _release;
        }
        catch (OperationCanceledException)
        {
            // Stopped mid-release.
        }
        _stop.Dispose();
        await X.DisposeAsync();
        await _images.DisposeAsync();
    }
}
