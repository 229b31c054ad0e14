using System.Globalization;
using System.Text.Json;

namespace SocialWatch.Connectors.Http;

/// <summary>Lenient reads of loosely typed JSON values: a field of the wrong type is treated as
/// missing rather than failing the whole page.</summary>
internal static class JsonValues
{
    public static DateTimeOffset? Date(JsonElement element) =>
        element.ValueKind == JsonValueKind.String ? Date(element.GetString()) : null;

    public static DateTimeOffset? Date(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return null;
        }
        // Facebook writes +0000 (no colon), which the round-trip parser refuses; the general one takes it.
        return DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var value)
            ? value
            : DateTimeOffset.TryParseExact(text, "yyyy-MM-dd'T'HH:mm:sszzz", CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out value) ? value : null;
    }

    public static string? String(JsonElement element, string property) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty(property, out var value) && value.ValueKind == JsonValueKind.String
            ? value.GetString()
            : null;

    public static JsonElement Property(JsonElement element, string property) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty(property, out var value) ? value : default;

    public static IEnumerable<JsonElement> Array(JsonElement element) =>
        element.ValueKind == JsonValueKind.Array ? element.EnumerateArray() : [];
}
