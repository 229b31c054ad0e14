using System.Globalization;
using System.Runtime.CompilerServices;
using System.ServiceModel.Syndication;
using System.Text.Json;
using System.Xml;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using SocialWatch.Connectors.Http;

namespace SocialWatch.Connectors.Rss;

/// <summary>
/// Reads RSS 2.0 and Atom 1.0 news feeds (kind NewsFeed, target = the feed URL). An article is new when
/// its guid (or link) is not among those the cursor remembers; the feed is fetched with a conditional
/// GET, so an unchanged feed costs the server nothing. The feed's site is the "account" of its articles.
/// </summary>
internal sealed class RssConnector(RssClient client, IOptions<RssOptions> options, TimeProvider time, ILogger<RssConnector> logger) : ISourceConnector
{
    public string Platform => "rss";

    public async IAsyncEnumerable<FetchedPage> FetchAsync(SourceSpec source, string? cursorJson, [EnumeratorCancellation] CancellationToken ct)
    {
        if (source.Kind != SourceKind.NewsFeed)
        {
            throw new ConnectorException(ConnectorFailure.Misconfigured, $"RSS sources must be of kind NewsFeed, not {source.Kind} (source '{source.Name}')");
        }
        if (!Uri.TryCreate(source.Target.Trim(), UriKind.Absolute, out var feedUrl) || feedUrl.Scheme is not ("http" or "https"))
        {
            throw new ConnectorException(ConnectorFailure.Misconfigured, $"the target of an RSS source must be the feed's http(s) URL (source '{source.Name}')");
        }
        var cursor = PlatformHttp.ReadCursor(cursorJson, RssJson.Default.RssCursor, "RSS", source.Name);
        if (cursor is not null)
        {
            // A damaged stored list loses its bad entries rather than failing every poll.
            cursor = cursor with { Seen = [.. (cursor.Seen ?? []).OfType<string>()] };
        }
        var document = await client.GetAsync(feedUrl, cursor?.ETag, cursor?.LastModified, source.Name, ct);
        if (document.Body is null)
        {
            ConnectorLog.RssNotModified(logger, feedUrl.ToString(), source.Name);
            yield return new FetchedPage([], [], cursorJson);
            yield break;
        }

        var feed = Parse(document, feedUrl, source.Name);
        // The author is the news site the feed belongs to (the channel's own link), which is stable
        // when a site moves its feed to another address or a feed service; else the feed's host.
        var site = feed.Links.Select(l => l.Uri).FirstOrDefault(u => u is { IsAbsoluteUri: true } && (u.Scheme == Uri.UriSchemeHttps || u.Scheme == Uri.UriSchemeHttp))?.Host
            ?? feedUrl.Host;
        var account = new FetchedAccount("rss", site, site, Plain(feed.Title) is { Length: > 0 } t ? t : site, Plain(feed.Description), feed.ImageUrl?.ToString(), null,
            JsonSerializer.Serialize(new RssFeedJson(feedUrl.ToString(), Plain(feed.Title), Plain(feed.Description), feed.Links.FirstOrDefault()?.Uri?.ToString()), RssJson.Default.RssFeedJson));

        var seen = new HashSet<string>(cursor?.Seen ?? [], StringComparer.Ordinal);
        DateTimeOffset? cutoff = cursor is null && source.BackfillDays > 0 ? time.GetUtcNow().AddDays(-source.BackfillDays) : null;
        var now = time.GetUtcNow();
        var feedIds = new List<string>();
        var posts = new List<FetchedPost>();
        foreach (var item in feed.Items)
        {
            var link = item.Links.FirstOrDefault(l => l.RelationshipType is null or "alternate")?.GetAbsoluteUri()?.ToString()
                ?? item.Links.FirstOrDefault()?.GetAbsoluteUri()?.ToString();
            var title = Plain(item.Title);
            var id = !string.IsNullOrWhiteSpace(item.Id) ? item.Id.Trim() : link ?? (title.Length > 0 ? "title:" + title : null);
            if (id is null || feedIds.Contains(id))
            {
                continue;
            }
            feedIds.Add(id);
            var published = Known(item.PublishDate) ?? Known(item.LastUpdatedTime);
            if (seen.Contains(id) || (cutoff is { } c && published < c))
            {
                continue;
            }
            var summary = Plain(item.Summary) is { Length: > 0 } s ? s : Plain(item.Content as TextSyndicationContent);
            var text = summary.Length == 0 ? title : title.Length == 0 ? summary : title + "\n\n" + summary;
            var raw = new RssItemJson(id, title, link, summary, Known(item.PublishDate), Known(item.LastUpdatedTime),
                item.Authors.Select(a => a.Name ?? a.Email).OfType<string>().ToList(), feedUrl.ToString());
            posts.Add(new FetchedPost("rss", id, site, text, link, published ?? now, null, JsonSerializer.Serialize(raw, RssJson.Default.RssItemJson)));
        }
        // Oldest first, as they were published.
        posts.Reverse();

        // Ids still in the feed are always kept; older ones only up to the bound, newest first.
        var remembered = feedIds.Concat((cursor?.Seen ?? []).Where(id => !feedIds.Contains(id)))
            .Take(Math.Max(options.Value.RememberedItems, feedIds.Count))
            .ToList();
        var next = new RssCursor(remembered, document.ETag, document.LastModified);
        yield return new FetchedPage(posts, posts.Count > 0 ? [account] : [], PlatformHttp.Cursor(next, RssJson.Default.RssCursor));
    }

    private static SyndicationFeed Parse(RssDocument document, Uri feedUrl, string source)
    {
        var body = document.Body!;
        var start = body.TrimStart();
        if (document.MediaType is "text/html" || start.StartsWith("<!DOCTYPE html", StringComparison.OrdinalIgnoreCase) || start.StartsWith("<html", StringComparison.OrdinalIgnoreCase))
        {
            throw new ConnectorException(ConnectorFailure.BadResponse,
                $"the feed {feedUrl} returned an HTML page, not RSS or Atom (moved, or behind a login or consent page?) (source '{source}')");
        }
        var settings = new XmlReaderSettings
        {
            // No DTDs and no external entities: a feed is untrusted input.
            DtdProcessing = DtdProcessing.Ignore,
            XmlResolver = null,
            MaxCharactersInDocument = 64L * 1024 * 1024,
        };
        try
        {
            using var text = new StringReader(body);
            using var reader = XmlReader.Create(text, settings);
            reader.MoveToContent();
            SyndicationFeedFormatter formatter = reader.LocalName == "feed" ? new Atom10FeedFormatter() : new Rss20FeedFormatter();
            if (!formatter.CanRead(reader))
            {
                throw new ConnectorException(ConnectorFailure.BadResponse,
                    $"the feed {feedUrl} is XML but neither RSS 2.0 nor Atom 1.0 (root element <{reader.LocalName}>) (source '{source}')");
            }
            // Real feeds carry dates the strict RFC 822 parser refuses; a bad date must not lose the article.
            formatter.DateTimeParser = LenientDate;
            formatter.ReadFrom(reader);
            return formatter.Feed;
        }
        catch (Exception e) when (e is XmlException or FormatException or InvalidOperationException or ArgumentException or NotSupportedException)
        {
            throw new ConnectorException(ConnectorFailure.BadResponse, $"the feed {feedUrl} is not well-formed RSS or Atom: {PlatformHttp.Shorten(e.Message)} (source '{source}')", e);
        }
    }

    private static bool LenientDate(XmlDateTimeData data, out DateTimeOffset value)
    {
        var text = data.DateTimeString?.Trim() ?? "";
        if (DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AllowWhiteSpaces, out value))
        {
            return true;
        }
        // RFC 822 zones the general parser does not know (GMT, EST …): drop the zone and take it as UTC.
        var space = text.LastIndexOf(' ');
        if (space > 0 && DateTimeOffset.TryParse(text[..space], CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out value))
        {
            return true;
        }
        value = DateTimeOffset.MinValue;
        return true;
    }

    private static DateTimeOffset? Known(DateTimeOffset date) => date == DateTimeOffset.MinValue || date.Year < 1995 ? null : date;

    private static string Plain(TextSyndicationContent? content) => content?.Text is { } text ? HtmlText.ToPlain(text).Trim() : "";
}
