using System.Globalization;
using System.Net;
using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace SocialWatch.Fakes.Rss;

/// <summary>An article as the fake knows it.</summary>
public sealed record RssFakeItem(string ItemId, string Title, string Link, string SummaryHtml, DateTimeOffset Published);

/// <summary>
/// News feeds on loopback: /rss/{name} as RSS 2.0 and /atom/{name} as Atom 1.0, newest first, with an
/// ETag and Last-Modified and answers of 304 to a matching conditional GET; /raw/{name} serves any body
/// with any content type (HTML pages, broken XML).
/// </summary>
public sealed class RssFake : IAsyncDisposable
{
    private readonly Dictionary<string, (string Title, List<RssFakeItem> Items, DateTimeOffset Modified)> _feeds = new(StringComparer.Ordinal);
    private readonly Dictionary<string, (string Body, string ContentType)> _raw = new(StringComparer.Ordinal);
    private readonly Lock _gate = new();

    public FakeServer Server { get; private set; } = null!;

    /// <summary>Answers that were 304 Not Modified.</summary>
    public int NotModifiedCount { get; private set; }

    public static async Task<RssFake> StartAsync(int port = 0)
    {
        var fake = new RssFake();
        fake.Server = await FakeServer.StartAsync(fake.Map, port);
        return fake;
    }

    public Uri RssUrl(string name) => new(Server.BaseAddress, "rss/" + name);

    public Uri AtomUrl(string name) => new(Server.BaseAddress, "atom/" + name);

    public Uri RawUrl(string name) => new(Server.BaseAddress, "raw/" + name);

    /// <summary>Adds a feed. <paramref name="siteUrl"/> is the news site the feed belongs to (the
    /// channel's link); by default the fake's own address.</summary>
    public void AddFeed(string name, string title, string? siteUrl = null)
    {
        lock (_gate)
        {
            _feeds[name] = (title, [], DateTimeOffset.UtcNow.AddDays(-1));
            _sites[name] = siteUrl ?? Server.BaseAddress.ToString();
        }
    }

    private readonly Dictionary<string, string> _sites = new(StringComparer.Ordinal);

    public RssFakeItem Publish(string feed, string title, string summaryHtml, DateTimeOffset? at = null, string? itemId = null)
    {
        lock (_gate)
        {
            var (feedTitle, items, _) = _feeds[feed];
            var n = items.Count + 1;
            var item = new RssFakeItem(itemId ?? $"https://news.example/{feed}/{n}", title, $"https://news.example/{feed}/articles/{n}", summaryHtml,
                DateTimeOffset.FromUnixTimeSeconds((at ?? DateTimeOffset.UtcNow).ToUnixTimeSeconds()));
            items.Add(item);
            // Last-Modified has whole seconds; a second later keeps it moving with every change.
            _feeds[feed] = (feedTitle, items, DateTimeOffset.FromUnixTimeSeconds(Math.Max(DateTimeOffset.UtcNow.ToUnixTimeSeconds(), _feeds[feed].Modified.ToUnixTimeSeconds() + 1)));
            return item;
        }
    }

    public void ServeRaw(string name, string body, string contentType)
    {
        lock (_gate)
        {
            _raw[name] = (body, contentType);
        }
    }

    private void Map(WebApplication app)
    {
        app.MapGet("/rss/{name}", (HttpContext http, string name) => Feed(http, name, atom: false));
        app.MapGet("/atom/{name}", (HttpContext http, string name) => Feed(http, name, atom: true));
        app.MapGet("/raw/{name}", (string name) =>
        {
            lock (_gate)
            {
                return _raw.TryGetValue(name, out var raw) ? Results.Text(raw.Body, raw.ContentType) : Results.NotFound();
            }
        });
    }

    private IResult Feed(HttpContext http, string name, bool atom)
    {
        string title;
        string site;
        List<RssFakeItem> items;
        DateTimeOffset modified;
        lock (_gate)
        {
            if (!_feeds.TryGetValue(name, out var feed))
            {
                return Results.NotFound();
            }
            (title, items, modified) = (feed.Title, [.. feed.Items], feed.Modified);
            site = _sites[name];
        }
        var body = atom ? Atom(title, site, items, modified) : Rss(title, site, items, modified);
        var etag = "\"" + Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(body)))[..16] + "\"";
        var lastModified = modified.ToString("R", CultureInfo.InvariantCulture);
        var request = http.Request.Headers;
        if (request.IfNoneMatch.ToString() == etag || (request.IfNoneMatch.Count == 0 && request.IfModifiedSince.ToString() == lastModified))
        {
            lock (_gate)
            {
                NotModifiedCount++;
            }
            http.Response.Headers.ETag = etag;
            return Results.StatusCode(304);
        }
        http.Response.Headers.ETag = etag;
        http.Response.Headers.LastModified = lastModified;
        return Results.Text(body, atom ? "application/atom+xml; charset=utf-8" : "application/rss+xml; charset=utf-8");
    }

    private static string Rss(string title, string site, List<RssFakeItem> items, DateTimeOffset modified)
    {
        var xml = new StringBuilder();
        xml.Append("""<?xml version="1.0" encoding="UTF-8"?>""").Append('\n')
           .Append("""<rss version="2.0"><channel>""")
           .Append("<title>").Append(WebUtility.HtmlEncode(title)).Append("</title><link>").Append(WebUtility.HtmlEncode(site)).Append("</link><description>Local news</description>")
           .Append("<lastBuildDate>").Append(modified.ToString("R", CultureInfo.InvariantCulture)).Append("</lastBuildDate>");
        foreach (var item in Enumerable.Reverse(items))
        {
            xml.Append("<item><title>").Append(WebUtility.HtmlEncode(item.Title)).Append("</title>")
               .Append("<link>").Append(WebUtility.HtmlEncode(item.Link)).Append("</link>")
               .Append("<guid isPermaLink=\"false\">").Append(WebUtility.HtmlEncode(item.ItemId)).Append("</guid>")
               .Append("<pubDate>").Append(item.Published.ToString("R", CultureInfo.InvariantCulture)).Append("</pubDate>")
               .Append("<description>").Append(WebUtility.HtmlEncode(item.SummaryHtml)).Append("</description></item>");
        }
        return xml.Append("</channel></rss>").ToString();
    }

    private static string Atom(string title, string site, List<RssFakeItem> items, DateTimeOffset modified)
    {
        var xml = new StringBuilder();
        xml.Append("""<?xml version="1.0" encoding="utf-8"?>""").Append('\n')
           .Append("""<feed xmlns="http://www.w3.org/2005/Atom">""")
           .Append("<title>").Append(WebUtility.HtmlEncode(title)).Append("</title><id>urn:fake:feed</id>")
           .Append("<link rel=\"alternate\" href=\"").Append(WebUtility.HtmlEncode(site)).Append("\"/>")
           .Append("<updated>").Append(modified.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture)).Append("</updated>");
        foreach (var item in Enumerable.Reverse(items))
        {
            xml.Append("<entry><title>").Append(WebUtility.HtmlEncode(item.Title)).Append("</title>")
               .Append("<id>").Append(WebUtility.HtmlEncode(item.ItemId)).Append("</id>")
               .Append("<link rel=\"alternate\" href=\"").Append(WebUtility.HtmlEncode(item.Link)).Append("\"/>")
               .Append("<updated>").Append(item.Published.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture)).Append("</updated>")
               .Append("<summary type=\"html\">").Append(WebUtility.HtmlEncode(item.SummaryHtml)).Append("</summary>")
               .Append("<author><name>Reporter</name></author></entry>");
        }
        return xml.Append("</feed>").ToString();
    }

    public ValueTask DisposeAsync() => Server.DisposeAsync();
}
