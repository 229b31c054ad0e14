using System.Net;
using System.Net.Sockets;
using Microsoft.Extensions.Options;

namespace SocialWatch.Connectors.Avatars;

/// <summary>The outcome of an avatar download: the image bytes, or why there are none.</summary>
/// <param name="Image">The image, when the download passed every check.</param>
/// <param name="ContentType">Its media type (image/png, image/jpeg, image/gif or image/webp).</param>
/// <param name="Failure">Why the image was refused or could not be fetched, in words an operator reads.</param>
public sealed record AvatarResult(byte[]? Image, string? ContentType, string? Failure)
{
    public bool Succeeded => Image is not null;

    internal static AvatarResult Refused(string reason) => new(null, null, reason);
}

/// <summary>
/// Downloads a profile image for the impersonation rules to hash. The URL comes from a stranger's
/// profile, so: https only, no redirect anywhere else, no private/loopback/link-local addresses (checked
/// on the address actually connected to, so DNS rebinding does not get round it), a size cap, and the
/// bytes must be a PNG, JPEG, GIF or WebP whatever the server says the type is.
/// </summary>
public sealed class AvatarFetcher(HttpClient http, IOptions<AvatarOptions> options)
{
    private static readonly string[] ImageTypes = ["image/png", "image/jpeg", "image/gif", "image/webp"];

    /// <summary>Fetches the image at <paramref name="url"/>; never throws for a bad URL or a bad
    /// image (the result says why), only for cancellation.</summary>
    public async Task<AvatarResult> FetchAsync(Uri url, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(url);
        var settings = options.Value;
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(settings.Timeout);
        var ct = timeout.Token;
        try
        {
            var current = url;
            for (var redirects = 0; ; redirects++)
            {
                if (await CheckUrlAsync(current, settings, ct) is { } refused)
                {
                    return AvatarResult.Refused(redirects == 0 ? refused : $"redirected to {current}: {refused}");
                }
                using var request = new HttpRequestMessage(HttpMethod.Get, current);
                request.Headers.Accept.ParseAdd("image/png, image/jpeg, image/gif, image/webp");
                using var response = await http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, ct);
                if ((int)response.StatusCode is >= 300 and < 400 && response.Headers.Location is { } location)
                {
                    if (redirects >= settings.MaxRedirects)
                    {
                        return AvatarResult.Refused($"more than {settings.MaxRedirects} redirects from {url}");
                    }
                    current = location.IsAbsoluteUri ? location : new Uri(current, location);
                    continue;
                }
                if (!response.IsSuccessStatusCode)
                {
                    return AvatarResult.Refused($"{current.Host} answered HTTP {(int)response.StatusCode}");
                }
                return await ReadImageAsync(response, settings, ct);
            }
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return AvatarResult.Refused($"{url.Host} did not send the image within {settings.Timeout.TotalSeconds:0} s");
        }
        catch (HttpRequestException e) when (e.InnerException is AddressRefusedException refused)
        {
            return AvatarResult.Refused(refused.Message);
        }
        catch (HttpRequestException e)
        {
            return AvatarResult.Refused($"{url.Host} could not be reached: {e.Message}");
        }
    }

    private static async Task<AvatarResult> ReadImageAsync(HttpResponseMessage response, AvatarOptions settings, CancellationToken ct)
    {
        var type = response.Content.Headers.ContentType?.MediaType?.ToLowerInvariant();
        if (type is null || !ImageTypes.Contains(type))
        {
            return AvatarResult.Refused($"the server says the avatar is {type ?? "of no type"}, not a PNG, JPEG, GIF or WebP image");
        }
        if (response.Content.Headers.ContentLength > settings.MaxBytes)
        {
            return AvatarResult.Refused($"the avatar is {response.Content.Headers.ContentLength} bytes, over the {settings.MaxBytes}-byte limit");
        }
        // Read no more than the cap (plus one byte to notice a larger body), whatever Content-Length said.
        await using var stream = await response.Content.ReadAsStreamAsync(ct);
        var buffer = new MemoryStream();
        var chunk = new byte[81920];
        int read;
        while ((read = await stream.ReadAsync(chunk, ct)) > 0)
        {
            if (buffer.Length + read > settings.MaxBytes)
            {
                return AvatarResult.Refused($"the avatar is over the {settings.MaxBytes}-byte limit");
            }
            buffer.Write(chunk, 0, read);
        }
        var bytes = buffer.ToArray();
        var actual = Sniff(bytes);
        if (actual is null)
        {
            return AvatarResult.Refused($"the avatar's bytes are not a PNG, JPEG, GIF or WebP image (the server said {type})");
        }
        return new AvatarResult(bytes, actual, null);
    }

    /// <summary>The image type its first bytes say (image/png, image/jpeg, image/gif or image/webp), or
    /// null. Public because what is stored is checked again with it before it is kept.</summary>
    public static string? Sniff(ReadOnlySpan<byte> bytes)
    {
        if (bytes.StartsWith((ReadOnlySpan<byte>)[0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A]))
        {
            return "image/png";
        }
        if (bytes.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xD8, 0xFF]))
        {
            return "image/jpeg";
        }
        if (bytes.StartsWith("GIF87a"u8) || bytes.StartsWith("GIF89a"u8))
        {
            return "image/gif";
        }
        if (bytes.Length >= 12 && bytes.StartsWith("RIFF"u8) && bytes[8..12].SequenceEqual("WEBP"u8))
        {
            return "image/webp";
        }
        return null;
    }

    /// <summary>Why a URL may not be fetched, or null. The address check here gives a clear message;
    /// the connect callback repeats it on the address actually used.</summary>
    private static async Task<string?> CheckUrlAsync(Uri url, AvatarOptions settings, CancellationToken ct)
    {
        if (!url.IsAbsoluteUri || url.Scheme is not ("https" or "http"))
        {
            return $"{url} is not an http(s) URL";
        }
        if (settings.RequireHttps && url.Scheme != "https")
        {
            return $"{url} is not https";
        }
        if (!string.IsNullOrEmpty(url.UserInfo))
        {
            return "URLs with credentials are not fetched";
        }
        if (settings.AllowPrivateAddresses)
        {
            return null;
        }
        IPAddress[] addresses;
        try
        {
            addresses = IPAddress.TryParse(url.IdnHost.Trim('[', ']'), out var literal) ? [literal] : await Dns.GetHostAddressesAsync(url.IdnHost, ct);
        }
        catch (SocketException e)
        {
            return $"{url.Host} does not resolve: {e.Message}";
        }
        return addresses.Length == 0 ? $"{url.Host} does not resolve"
            : addresses.FirstOrDefault(settings.IsRefusedAddress) is { } bad ? $"{url.Host} is a private, loopback or link-local address ({bad})" : null;
    }

    /// <summary>Addresses an avatar may never come from: this host, its networks, and the cloud metadata range.</summary>
    public static bool IsPrivate(IPAddress address)
    {
        if (address.IsIPv4MappedToIPv6)
        {
            address = address.MapToIPv4();
        }
        if (IPAddress.IsLoopback(address) || address.Equals(IPAddress.Any) || address.Equals(IPAddress.IPv6Any) || address.Equals(IPAddress.Broadcast))
        {
            return true;
        }
        if (address.AddressFamily == AddressFamily.InterNetwork)
        {
            var b = address.GetAddressBytes();
            return b[0] switch
            {
                0 or 10 or 127 => true,
                100 => b[1] is >= 64 and <= 127,       // carrier-grade NAT
                169 => b[1] == 254,                     // link-local, cloud metadata
                172 => b[1] is >= 16 and <= 31,
                192 => (b[1] == 168) || (b[1] == 0 && b[2] is 0 or 2), // private; IETF and TEST-NET-1
                198 => b[1] is 18 or 19,                // benchmarking
                >= 224 => true,                         // multicast and reserved
                _ => false,
            };
        }
        if (address.AddressFamily == AddressFamily.InterNetworkV6)
        {
            var b = address.GetAddressBytes();
            return address.IsIPv6LinkLocal || address.IsIPv6SiteLocal || address.IsIPv6Multicast
                || (b[0] & 0xFE) == 0xFC                // unique local fc00::/7
                || (b[0] == 0x20 && b[1] == 0x02 && IsPrivate(new IPAddress(b[2..6]))); // 6to4 wrapping a private v4
        }
        return true;
    }

    /// <summary>The connect step of the avatar client's handler: resolve, refuse private addresses
    /// (unless allowed), connect to the first allowed address. Done at connect time so a name that
    /// resolves differently the second time still cannot reach the inside.</summary>
    internal static async ValueTask<Stream> ConnectAsync(SocketsHttpConnectionContext context, AvatarOptions settings, CancellationToken ct)
    {
        var host = context.DnsEndPoint.Host;
        var addresses = IPAddress.TryParse(host.Trim('[', ']'), out var literal) ? [literal] : await Dns.GetHostAddressesAsync(host, ct);
        var allowed = settings.AllowPrivateAddresses ? addresses : addresses.Where(a => !settings.IsRefusedAddress(a)).ToArray();
        if (allowed.Length == 0)
        {
            throw new AddressRefusedException($"{host} is a private, loopback or link-local address");
        }
        var socket = new Socket(SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        try
        {
            await socket.ConnectAsync(allowed, context.DnsEndPoint.Port, ct);
            return new NetworkStream(socket, ownsSocket: true);
        }
        catch
        {
            socket.Dispose();
            throw;
        }
    }

    /// <summary>Creates the handler the avatar client must use: no automatic redirects (each is checked
    /// here), no proxy (the address check must see the real destination), the guarded connect.</summary>
    internal static SocketsHttpHandler CreateHandler(AvatarOptions settings) => new()
    {
        AllowAutoRedirect = false,
        UseProxy = false,
        AutomaticDecompression = DecompressionMethods.None,
        ConnectCallback = (context, ct) => ConnectAsync(context, settings, ct),
    };
}

/// <summary>The connect step refused an address.</summary>
internal sealed class AddressRefusedException(string message) : IOException(message);
