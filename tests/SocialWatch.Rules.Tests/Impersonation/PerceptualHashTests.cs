using Xunit.Abstractions;

namespace SocialWatch.Rules.Tests.Impersonation;

public sealed class PerceptualHashTests(ITestOutputHelper output)
{
    private static readonly Lazy<IReadOnlyList<ulong>> References = new(() =>
        PerceptualHash.ComputeReferenceSet(File.ReadAllBytes(Path.Combine(RepoPaths.Corpus, "logos", "ltc-logo.png"))));

    private static ulong HashOf(string relative) =>
        PerceptualHash.Compute(File.ReadAllBytes(Path.Combine(RepoPaths.Corpus, relative)));

    public static TheoryData<string> LogoVariants => new() { "avatars/official.png", "avatars/logo-crop.png", "avatars/logo-recolour.png", "avatars/logo-small.jpg" };

    public static TheoryData<string> OtherImages => new() { "avatars/boat-club.png", "avatars/crest-other.png", "avatars/person-1.png", "avatars/person-2.png", "avatars/person-3.png", "avatars/person-4.png", "avatars/pier-photo.jpg" };

    [Theory]
    [MemberData(nameof(LogoVariants))]
    public void Logo_variants_are_within_the_default_threshold(string path)
    {
        var distance = PerceptualHash.NearestDistance(HashOf(path), References.Value);
        output.WriteLine($"{path}: {distance}");
        Assert.True(distance <= new RulesOptions().LogoHashDistanceThreshold, $"{path} distance {distance}");
    }

    [Theory]
    [MemberData(nameof(OtherImages))]
    public void Other_images_are_beyond_the_default_threshold(string path)
    {
        var distance = PerceptualHash.NearestDistance(HashOf(path), References.Value);
        output.WriteLine($"{path}: {distance}");
        Assert.True(distance > new RulesOptions().LogoHashDistanceThreshold, $"{path} distance {distance}");
    }

    [Fact]
    public void Garbage_bytes_give_null_or_a_clear_exception()
    {
        var garbage = new byte[] { 0x89, 0x50, 0x4E, 0x47, 0, 1, 2, 3, 4, 5, 6, 7, 8, 9 };
        Assert.Null(PerceptualHash.TryCompute(garbage));
        Assert.Null(PerceptualHash.TryCompute([]));
        Assert.Null(PerceptualHash.TryCompute(null));
        var ex = Assert.Throws<InvalidImageException>(() => PerceptualHash.Compute(garbage));
        Assert.Contains("Cannot decode", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Distance_counts_differing_bits()
    {
        Assert.Equal(0, PerceptualHash.Distance(42, 42));
        Assert.Equal(64, PerceptualHash.Distance(0, ulong.MaxValue));
        Assert.Equal(1, PerceptualHash.Distance(0b100, 0b000));
    }
}
