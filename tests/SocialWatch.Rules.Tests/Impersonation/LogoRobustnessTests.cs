using SkiaSharp;
using Xunit.Abstractions;

namespace SocialWatch.Rules.Tests.Impersonation;

/// <summary>
/// Measures the perceptual hash against edits an impersonator makes to the logo (the figures in
/// docs/rules.md come from this test's output) and holds them under the default threshold.
/// </summary>
public sealed class LogoRobustnessTests(ITestOutputHelper output)
{
    private static readonly Lazy<IReadOnlyList<ulong>> References = new(() =>
        PerceptualHash.ComputeReferenceSet(File.ReadAllBytes(Path.Combine(RepoPaths.Corpus, "logos", "ltc-logo.png"))));

    private static readonly Lazy<SKBitmap> Logo = new(() => SKBitmap.Decode(Path.Combine(RepoPaths.Corpus, "logos", "ltc-logo.png")));

    public static TheoryData<string> Edits => new()
    {
        "resize-64", "resize-32", "jpeg-q20", "border-white-15pc", "border-navy-15pc", "crop-10pc", "crop-20pc-offcentre",
        "rotate-5", "rotate-minus-8", "recolour-channel-swap", "greyscale", "rotate-3-crop-5pc-jpeg",
        "mirror", "mirror-resize-64-jpeg",
    };

    [Theory]
    [MemberData(nameof(Edits))]
    public void Edited_logo_stays_within_the_threshold(string edit)
    {
        using var edited = Apply(edit, Logo.Value);
        using var image = SKImage.FromBitmap(edited);
        using var data = image.Encode(edit.Contains("jpeg", StringComparison.Ordinal) ? SKEncodedImageFormat.Jpeg : SKEncodedImageFormat.Png, edit.Contains("jpeg", StringComparison.Ordinal) ? 20 : 100);
        var distance = PerceptualHash.NearestDistance(PerceptualHash.Compute(data.ToArray()), References.Value);
        output.WriteLine($"{edit}: {distance}");
        Assert.True(distance <= new RulesOptions().LogoHashDistanceThreshold, $"{edit}: distance {distance}");
    }

    [Fact]
    public void Logo_in_reversed_colours_matches_the_logos_negative()
    {
        var size = Logo.Value.Width;
        using var logo = SKImage.FromBitmap(Logo.Value);
        using var inverted = Draw(size, size, c =>
        {
            c.Clear(SKColors.White);
            c.DrawImage(logo, new SKRect(0, 0, size, size), Sampling);
        });
        using var negative = Draw(size, size, c =>
        {
            using var source = SKImage.FromBitmap(inverted);
            using var paint = new SKPaint { ColorFilter = SKColorFilter.CreateColorMatrix([-1, 0, 0, 0, 1, 0, -1, 0, 0, 1, 0, 0, -1, 0, 1, 0, 0, 0, 1, 0]) };
            c.DrawImage(source, new SKRect(0, 0, size, size), Sampling, paint);
        });
        using var image = SKImage.FromBitmap(negative);
        using var data = image.Encode(SKEncodedImageFormat.Png, 100);
        var hash = PerceptualHash.Compute(data.ToArray());
        var straight = PerceptualHash.NearestDistance(hash, References.Value);
        var match = SocialWatch.Rules.Impersonation.LogoMatch.Nearest(hash, References.Value.ToArray(), new RulesOptions().LogoHashDistanceThreshold);
        output.WriteLine($"negative: {straight} to the logo, {match?.Distance} to its negative");
        Assert.NotNull(match);
        Assert.True(match.Value.Inverted);
    }

    private static SKBitmap Apply(string edit, SKBitmap logoBitmap)
    {
        using var logo = SKImage.FromBitmap(logoBitmap);
        var size = logoBitmap.Width;
        var full = new SKRect(0, 0, size, size);
        return edit switch
        {
            "resize-64" => Draw(64, 64, c => c.DrawImage(logo, new SKRect(0, 0, 64, 64), Sampling)),
            "resize-32" => Draw(32, 32, c => c.DrawImage(logo, new SKRect(0, 0, 32, 32), Sampling)),
            "jpeg-q20" => Draw(size, size, c => c.DrawImage(logo, full, Sampling)),
            "border-white-15pc" => Draw(size, size, c => { c.Clear(SKColors.White); c.DrawImage(logo, new SKRect(size * 0.15f, size * 0.15f, size * 0.85f, size * 0.85f), Sampling); }),
            "border-navy-15pc" => Draw(size, size, c => { c.Clear(new SKColor(20, 30, 90)); c.DrawImage(logo, new SKRect(size * 0.15f, size * 0.15f, size * 0.85f, size * 0.85f), Sampling); }),
            "crop-10pc" => Draw(size, size, c => c.DrawImage(logo, new SKRect(size * 0.1f, size * 0.1f, size * 0.9f, size * 0.9f), new SKRect(0, 0, size, size), Sampling)),
            "crop-20pc-offcentre" => Draw(size, size, c => c.DrawImage(logo, new SKRect(size * 0.2f, size * 0.1f, size, size * 0.9f), new SKRect(0, 0, size, size), Sampling)),
            "rotate-5" => Draw(size, size, c => { c.Clear(SKColors.White); c.RotateDegrees(5, size / 2f, size / 2f); c.DrawImage(logo, full, Sampling); }),
            "rotate-minus-8" => Draw(size, size, c => { c.Clear(SKColors.White); c.RotateDegrees(-8, size / 2f, size / 2f); c.DrawImage(logo, full, Sampling); }),
            "recolour-channel-swap" => Draw(size, size, c =>
            {
                using var paint = new SKPaint { ColorFilter = SKColorFilter.CreateColorMatrix([0, 0, 1, 0, 0, 1, 0, 0, 0, 0, 0, 1, 0, 0, 0, 0, 0, 0, 1, 0]) };
                c.DrawImage(logo, full, Sampling, paint);
            }),
            "greyscale" => Draw(size, size, c =>
            {
                using var paint = new SKPaint { ColorFilter = SKColorFilter.CreateColorMatrix([0.3f, 0.59f, 0.11f, 0, 0, 0.3f, 0.59f, 0.11f, 0, 0, 0.3f, 0.59f, 0.11f, 0, 0, 0, 0, 0, 1, 0]) };
                c.DrawImage(logo, full, Sampling, paint);
            }),
            "rotate-3-crop-5pc-jpeg" => Draw(size, size, c =>
            {
                c.Clear(SKColors.White);
                c.RotateDegrees(3, size / 2f, size / 2f);
                c.DrawImage(logo, new SKRect(size * 0.05f, size * 0.05f, size * 0.95f, size * 0.95f), new SKRect(0, 0, size, size), Sampling);
            }),
            // Round 5: flipped left to right, also shrunk and re-compressed.
            "mirror" => Draw(size, size, c => { c.Scale(-1, 1, size / 2f, size / 2f); c.DrawImage(logo, full, Sampling); }),
            "mirror-resize-64-jpeg" => Draw(64, 64, c => { c.Scale(-1, 1, 32f, 32f); c.DrawImage(logo, new SKRect(0, 0, 64, 64), Sampling); }),
            _ => throw new ArgumentOutOfRangeException(nameof(edit)),
        };
    }

    private static readonly SKSamplingOptions Sampling = new(SKFilterMode.Linear, SKMipmapMode.Linear);

    private static SKBitmap Draw(int width, int height, Action<SKCanvas> draw)
    {
        var bitmap = new SKBitmap(width, height, SKColorType.Rgba8888, SKAlphaType.Premul);
        using var canvas = new SKCanvas(bitmap);
        canvas.Clear(SKColors.Transparent);
        draw(canvas);
        return bitmap;
    }

    [Theory]
    [InlineData("crest-other.png")]
    [InlineData("boat-club.png")]
    [InlineData("person-1.png")]
    public void Other_images_flipped_or_not_stay_outside_the_threshold(string file)
    {
        var hash = PerceptualHash.Compute(File.ReadAllBytes(Path.Combine(RepoPaths.Corpus, "avatars", file)));
        var distance = PerceptualHash.NearestDistance(hash, References.Value);
        output.WriteLine($"{file}: {distance}");
        Assert.True(distance > new RulesOptions().LogoHashDistanceThreshold, $"{file}: distance {distance}");
    }
}

