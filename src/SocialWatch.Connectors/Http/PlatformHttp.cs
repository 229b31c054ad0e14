using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using SocialWatch.Connectors.Resilience;

namespace SocialWatch.Connectors.Http;

/// <summary>A response read whole, with what the connectors need from it.</summary>
internal sealed record PlatformResponse(HttpResponseMessage Message, string Body) : IDisposable
{
    public int Status => (int)Message.StatusCode;

    public bool IsSuccess => Message.IsSuccessStatusCode;

    public string? Header(string name) =>
        Message.Headers.TryGetValues(name, out var values) || Message.Content.Headers.TryGetValues(name, out values)
            ? values.FirstOrDefault()
            : null;

    public void Dispose() => Message.Dispose();
}

/// <summary>The send-read-parse steps every platform client shares, so that transport failures and bad
/// bodies turn into the same <see cref="ConnectorException"/>s whatever the platform.</summary>
internal static class PlatformHttp
{
    public static async Task<PlatformResponse> SendAsync(HttpClient http, HttpRequestMessage request, string platform, string source, CancellationToken ct)
    {
        try
        {
            var response = await http.SendAsync(request, HttpCompletionOption.ResponseContentRead, ct);
            var body = await response.Content.ReadAsStringAsync(ct);
            return new PlatformResponse(response, body);
        }
        catch (Exception e) when (e is not OperationCanceledException || !ct.IsCancellationRequested)
        {
            throw PlatformResilience.Describe(e, platform, source);
        }
    }

    /// <summary>Reads a body into <typeparamref name="T"/>; anything unreadable is the platform's fault (BadResponse).</summary>
    public static T Parse<T>(string body, JsonTypeInfo<T> type, string platform, string source)
    {
        try
        {
            return JsonSerializer.Deserialize(body, type)
                ?? throw new ConnectorException(ConnectorFailure.BadResponse, $"{platform} returned an empty body (source '{source}')");
        }
        catch (JsonException e)
        {
            throw new ConnectorException(ConnectorFailure.BadResponse,
                $"{platform} returned malformed JSON at {e.Path ?? "the top"} (line {e.LineNumber}) (source '{source}')", e);
        }
        catch (Exception e) when (e is NotSupportedException or InvalidOperationException or FormatException or OverflowException or ArgumentException)
        {
            throw new ConnectorException(ConnectorFailure.BadResponse, $"{platform} returned JSON of an unexpected shape (source '{source}')", e);
        }
    }

    /// <summary>Serialises a connector's cursor (its own source-generated type).</summary>
    public static string Cursor<T>(T cursor, JsonTypeInfo<T> type) => JsonSerializer.Serialize(cursor, type);

    /// <summary>Reads a stored cursor; one that is not this platform's is a configuration problem, not a crash.</summary>
    public static T? ReadCursor<T>(string? json, JsonTypeInfo<T> type, string platform, string source) where T : class
    {
        if (string.IsNullOrWhiteSpace(json))
        {
            return null;
        }
        try
        {
            return JsonSerializer.Deserialize(json, type);
        }
        catch (JsonException e)
        {
            throw new ConnectorException(ConnectorFailure.Misconfigured, $"the stored cursor of source '{source}' is not a {platform} cursor", e);
        }
    }

    public static DateTimeOffset? RetryAt(HttpResponseMessage response, TimeProvider time) =>
        RateLimitHeaders.RequestedWait(response, time.GetUtcNow()) is { } wait ? time.GetUtcNow() + wait : null;

    public static string Shorten(string? text) => text is null ? "" : text.Length <= 200 ? text : text[..200] + "…";

    /// <summary>Ids are strings that sort as numbers (snowflakes): longer is newer, then ordinal.</summary>
    public static int CompareIds(string a, string b) => a.Length != b.Length ? a.Length.CompareTo(b.Length) : string.CompareOrdinal(a, b);
}
