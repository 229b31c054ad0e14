using Microsoft.AspNetCore.Http;
using SocialWatch.Rules;

namespace SocialWatch.Worker.Web;

/// <summary>
/// The council's own logo files (Watch:Organisation:LogoFiles), served to the review page so the clerk
/// sees the logo beside a look-alike. Only these known files are served, and only as the raster image
/// types their first bytes say they are: never a path from a request, never a remote address.
/// </summary>
internal sealed class LogoFiles(WatchOptions watch, string contentRoot)
{
    private readonly IReadOnlyList<string> _paths = watch.ResolveLogoPaths(contentRoot);

    public int Count => _paths.Count;

    public IResult Serve(int index)
    {
        if (index < 0 || index >= _paths.Count || !File.Exists(_paths[index]))
        {
            return Results.NotFound();
        }
        var bytes = File.ReadAllBytes(_paths[index]);
        return ImageType(bytes) is { } type ? Results.File(bytes, type) : Results.NotFound();
    }

    internal static string? ImageType(ReadOnlySpan<byte> b) =>
        b.StartsWith((ReadOnlySpan<byte>)[0x89, 0x50, 0x4E, 0x47]) ? "image/png" :
        b.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xD8, 0xFF]) ? "image/jpeg" :
        b.StartsWith("GIF8"u8) ? "image/gif" :
        b.Length > 12 && b.StartsWith("RIFF"u8) && b[8..12].SequenceEqual("WEBP"u8) ? "image/webp" : null;
}
