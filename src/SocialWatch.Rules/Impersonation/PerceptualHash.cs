using System.Buffers;
using System.Numerics;
using SkiaSharp;

namespace SocialWatch.Rules;

/// <summary>
/// 64-bit DCT perceptual hash of an image (PNG, JPEG, WebP, GIF, BMP), decoded with SkiaSharp.
/// </summary>
/// <remarks>
/// Steps, each chosen for a kind of change an impersonator makes to a logo:
/// transparent pixels composited on white (avatars are shown on white and logos are often transparent);
/// a near-uniform border trimmed away (borders, padding, and crops that only remove margin);
/// luminance only (recolouring that keeps light and dark parts);
/// a 16×16 area-averaged thumbnail (resizing, JPEG re-compression, noise);
/// the 8×8 lowest DCT frequencies compared with their median. Hamming distance between hashes measures
/// difference: 0 same, ~32 unrelated. Rotation moves a square logo's corners into view, which no
/// framing undoes, so <see cref="ComputeReferenceSet"/> hashes rotated copies of the logo instead.
/// </remarks>
public static class PerceptualHash
{
    private const int Size = 16;
    private const int LowFrequencies = 8;
    private static readonly double[,] Cosines = BuildCosines();

    /// <summary>Hashes an encoded image.</summary>
    /// <exception cref="InvalidImageException">The bytes are not an image SkiaSharp can decode.</exception>
    public static ulong Compute(byte[] imageBytes)
    {
        ArgumentNullException.ThrowIfNull(imageBytes);
        return TryCompute(imageBytes) ?? throw new InvalidImageException(
            $"Cannot decode image ({imageBytes.Length} bytes): not a PNG, JPEG, WebP, GIF or BMP SkiaSharp can read.");
    }

    /// <summary>Hashes an encoded image, or returns null when it cannot be decoded. Never throws on garbage.</summary>
    public static ulong? TryCompute(byte[]? imageBytes)
    {
        if (imageBytes is null || imageBytes.Length < 8)
        {
            return null;
        }

        try
        {
            using var bitmap = SKBitmap.Decode(imageBytes);
            if (bitmap is null || bitmap.Width < 1 || bitmap.Height < 1)
            {
                return null;
            }

            return FromBitmap(bitmap);
        }
        catch (Exception ex) when (ex is ArgumentException or InvalidOperationException or NotSupportedException or IndexOutOfRangeException)
        {
            return null;
        }
    }

    /// <summary>
    /// Hashes of a logo and of copies of it rotated by ±4°, ±8° and ±12° onto white and onto black
    /// (a rotated square logo leaves corners that no trimming can tell from content), and the same for
    /// the logo flipped left to right. Compare an avatar
    /// against the nearest of these: the classifier takes them as its logo hashes.
    /// </summary>
    /// <exception cref="InvalidImageException">The logo cannot be decoded.</exception>
    public static IReadOnlyList<ulong> ComputeReferenceSet(byte[] logoBytes)
    {
        ArgumentNullException.ThrowIfNull(logoBytes);
        using var logo = SKBitmap.Decode(logoBytes)
            ?? throw new InvalidImageException($"Cannot decode logo image ({logoBytes.Length} bytes).");
        using var image = SKImage.FromBitmap(logo);
        var hashes = new List<ulong>();
        var sampling = new SKSamplingOptions(SKFilterMode.Linear, SKMipmapMode.Linear);

        // The logo flipped left to right too, with the same rotations: a mirrored copy keeps every
        // shape of the logo but moves its light and dark halves, so its hash is far from the original's.
        foreach (var mirrored in (ReadOnlySpan<bool>)[false, true])
        {
            foreach (var corner in (ReadOnlySpan<SKColor>)[SKColors.White, SKColors.Black])
            {
                foreach (var degrees in (ReadOnlySpan<float>)[0f, -12f, -8f, -4f, 4f, 8f, 12f])
                {
                    if (degrees == 0f && corner == SKColors.Black)
                    {
                        continue; // unrotated, no corners show: once is enough
                    }

                    using var copy = new SKBitmap(logo.Width, logo.Height, SKColorType.Rgba8888, SKAlphaType.Premul);
                    using (var canvas = new SKCanvas(copy))
                    {
                        canvas.Clear(degrees == 0f ? SKColors.Transparent : corner);
                        canvas.RotateDegrees(degrees, logo.Width / 2f, logo.Height / 2f);
                        if (mirrored)
                        {
                            canvas.Scale(-1, 1, logo.Width / 2f, logo.Height / 2f);
                        }

                        canvas.DrawImage(image, new SKRect(0, 0, logo.Width, logo.Height), sampling);
                    }

                    var hash = degrees == 0f && !mirrored ? FromBitmap(logo) : FromBitmap(copy);
                    if (!hashes.Contains(hash))
                    {
                        hashes.Add(hash);
                    }
                }
            }
        }

        return hashes;
    }

    /// <summary>Least distance from a hash to any of a set (e.g. <see cref="ComputeReferenceSet"/>).</summary>
    public static int NearestDistance(ulong hash, IReadOnlyList<ulong> references)
    {
        ArgumentNullException.ThrowIfNull(references);
        var best = 64;
        foreach (var reference in references)
        {
            best = Math.Min(best, Distance(hash, reference));
        }

        return best;
    }

    /// <summary>Number of differing bits, 0..64.</summary>
    public static int Distance(ulong a, ulong b) => BitOperations.PopCount(a ^ b);

    private static ulong FromBitmap(SKBitmap bitmap)
    {
        var luminance = Luminance(bitmap, out var width, out var height);
        double[,] thumbnail;
        try
        {
            var (left, top, right, bottom) = ContentBounds(luminance, width, height);
            thumbnail = AreaResize(luminance, width, left, top, right - left, bottom - top);
        }
        finally
        {
            ArrayPool<float>.Shared.Return(luminance);
        }

        var dct = Dct2D(thumbnail);

        Span<double> low = stackalloc double[LowFrequencies * LowFrequencies];
        for (var v = 0; v < LowFrequencies; v++)
        {
            for (var u = 0; u < LowFrequencies; u++)
            {
                low[(v * LowFrequencies) + u] = dct[v, u];
            }
        }

        // Median of the 63 AC terms (the DC term is the mean brightness, which recolouring changes).
        Span<double> sorted = stackalloc double[low.Length - 1];
        low[1..].CopyTo(sorted);
        sorted.Sort();
        var median = sorted[sorted.Length / 2];

        ulong hash = 0;
        for (var i = 0; i < low.Length; i++)
        {
            if (low[i] > median)
            {
                hash |= 1UL << i;
            }
        }

        return hash;
    }

    private static float[] Luminance(SKBitmap source, out int width, out int height)
    {
        // Work at most 256 px on a side: plenty for a 16×16 thumbnail and keeps huge images cheap.
        var scale = Math.Min(1.0, 256.0 / Math.Max(source.Width, source.Height));
        width = Math.Max(1, (int)Math.Round(source.Width * scale));
        height = Math.Max(1, (int)Math.Round(source.Height * scale));
        var info = new SKImageInfo(width, height, SKColorType.Rgba8888, SKAlphaType.Unpremul);
        using var scaled = new SKBitmap(info);
        // No mipmaps: building the chain cost 6–9 ms a call, and the pre-scale is at most to 256 px, after
        // which the area-averaged 16×16 thumbnail does the real low-pass filtering (docs/rules.md).
        if (!source.ScalePixels(scaled, new SKSamplingOptions(SKFilterMode.Linear, SKMipmapMode.None)))
        {
            throw new InvalidOperationException("Image could not be scaled.");
        }

        // Read the native pixels in place (no managed SKColor[] copy); the luminance buffer is pooled
        // (the caller returns it), so neither lands on the large-object heap.
        var pixels = scaled.GetPixelSpan();
        var count = width * height;
        var result = ArrayPool<float>.Shared.Rent(count);
        var stride = scaled.RowBytes;
        for (var y = 0; y < height; y++)
        {
            var row = pixels.Slice(y * stride, width * 4);
            for (var x = 0; x < width; x++)
            {
                var alpha = row[(x * 4) + 3] / 255f;
                // Composite on white, then Rec. 601 luma.
                var r = (row[x * 4] * alpha) + (255 * (1 - alpha));
                var g = (row[(x * 4) + 1] * alpha) + (255 * (1 - alpha));
                var b = (row[(x * 4) + 2] * alpha) + (255 * (1 - alpha));
                result[(y * width) + x] = (0.299f * r) + (0.587f * g) + (0.114f * b);
            }
        }

        return result;
    }

    /// <summary>
    /// Bounds of the content inside near-uniform borders. The border colour is the median luminance of
    /// the outermost ring; rows and columns where fewer than <see cref="ContentFraction"/> of the pixels
    /// differ from it are trimmed. Repeated (a white frame around a navy square logo is trimmed first,
    /// then the navy margin), so framing is the same whatever border or crop an edited copy has.
    /// </summary>
    private static (int Left, int Top, int Right, int Bottom) ContentBounds(float[] image, int width, int height)
    {
        var (l, t, r, b) = (0, 0, width, height);
        for (var pass = 0; pass < 3; pass++)
        {
            var background = RingMedian(image, width, l, t, r, b);
            var (nl, nt, nr, nb) = TrimOnce(image, width, background, l, t, r, b);
            if (nr - nl < width / 8 || nb - nt < height / 8 || (nl == l && nt == t && nr == r && nb == b))
            {
                break;
            }

            (l, t, r, b) = (nl, nt, nr, nb);
        }

        return (l, t, r, b);
    }

    private const float ContentFraction = 0.12f;
    private const float Tolerance = 32f;

    private static (int, int, int, int) TrimOnce(float[] image, int width, float background, int l, int t, int r, int b)
    {
        bool RowIsBackground(int y)
        {
            var differing = 0;
            for (var x = l; x < r; x++)
            {
                if (Math.Abs(image[(y * width) + x] - background) > Tolerance)
                {
                    differing++;
                }
            }

            return differing < (r - l) * ContentFraction;
        }

        bool ColumnIsBackground(int x, int top, int bottom)
        {
            var differing = 0;
            for (var y = top; y < bottom; y++)
            {
                if (Math.Abs(image[(y * width) + x] - background) > Tolerance)
                {
                    differing++;
                }
            }

            return differing < (bottom - top) * ContentFraction;
        }

        while (t < b - 1 && RowIsBackground(t))
        {
            t++;
        }

        while (b > t + 1 && RowIsBackground(b - 1))
        {
            b--;
        }

        while (l < r - 1 && ColumnIsBackground(l, t, b))
        {
            l++;
        }

        while (r > l + 1 && ColumnIsBackground(r - 1, t, b))
        {
            r--;
        }

        return (l, t, r, b);
    }

    private static float RingMedian(float[] image, int width, int l, int t, int r, int b)
    {
        var ring = new List<float>(2 * ((r - l) + (b - t)));
        for (var x = l; x < r; x++)
        {
            ring.Add(image[(t * width) + x]);
            ring.Add(image[((b - 1) * width) + x]);
        }

        for (var y = t; y < b; y++)
        {
            ring.Add(image[(y * width) + l]);
            ring.Add(image[(y * width) + r - 1]);
        }

        ring.Sort();
        return ring[ring.Count / 2];
    }

    private static double[,] AreaResize(float[] image, int stride, int left, int top, int width, int height)
    {
        var result = new double[Size, Size];
        for (var ty = 0; ty < Size; ty++)
        {
            var y0 = top + (ty * height / Size);
            var y1 = Math.Max(y0 + 1, top + ((ty + 1) * height / Size));
            for (var tx = 0; tx < Size; tx++)
            {
                var x0 = left + (tx * width / Size);
                var x1 = Math.Max(x0 + 1, left + ((tx + 1) * width / Size));
                double sum = 0;
                var count = 0;
                for (var y = y0; y < y1; y++)
                {
                    for (var x = x0; x < x1; x++)
                    {
                        sum += image[(y * stride) + x];
                        count++;
                    }
                }

                result[ty, tx] = sum / count;
            }
        }

        return result;
    }

    private static double[,] Dct2D(double[,] input)
    {
        // Only the 8×8 low frequencies are needed: O(8·16·16) per axis instead of a full transform.
        var rows = new double[Size, LowFrequencies];
        for (var y = 0; y < Size; y++)
        {
            for (var u = 0; u < LowFrequencies; u++)
            {
                double sum = 0;
                for (var x = 0; x < Size; x++)
                {
                    sum += input[y, x] * Cosines[u, x];
                }

                rows[y, u] = sum;
            }
        }

        var result = new double[LowFrequencies, LowFrequencies];
        for (var v = 0; v < LowFrequencies; v++)
        {
            for (var u = 0; u < LowFrequencies; u++)
            {
                double sum = 0;
                for (var y = 0; y < Size; y++)
                {
                    sum += rows[y, u] * Cosines[v, y];
                }

                result[v, u] = sum;
            }
        }

        return result;
    }

    private static double[,] BuildCosines()
    {
        var table = new double[LowFrequencies, Size];
        for (var u = 0; u < LowFrequencies; u++)
        {
            for (var x = 0; x < Size; x++)
            {
                table[u, x] = Math.Cos(((2 * x) + 1) * u * Math.PI / (2.0 * Size));
            }
        }

        return table;
    }
}

/// <summary>An image could not be decoded.</summary>
public sealed class InvalidImageException : Exception
{
    public InvalidImageException()
    {
    }

    public InvalidImageException(string message)
        : base(message)
    {
    }

    public InvalidImageException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
