namespace SocialWatch.Rules.Impersonation;

/// <summary>
/// An avatar's distance to the nearest logo reference, also against the logo's negative. Why the
/// negative: an impostor's "dark mode" avatar inverts the logo's light and dark; inverting an image
/// flips the sign of its DCT terms and so, nearly, every bit of the hash, so the complement of a logo
/// hash stands for its negative at no cost. Unrelated images sit about 32 bits from both.
/// </summary>
internal static class LogoMatch
{
    public static (int Distance, bool Inverted)? Nearest(ulong avatar, ReadOnlySpan<ulong> logos, int threshold)
    {
        (int Distance, bool Inverted)? best = null;
        foreach (var logo in logos)
        {
            var straight = PerceptualHash.Distance(avatar, logo);
            var inverted = PerceptualHash.Distance(avatar, ~logo);
            var (distance, isInverted) = inverted < straight ? (inverted, true) : (straight, false);
            if (distance <= threshold && (best is null || distance < best.Value.Distance))
            {
                best = (distance, isInverted);
            }
        }

        return best;
    }

    /// <summary>0..1 for a reader: 1 is the same image, 0 is as far as unrelated images are (32 of 64 bits) or further.</summary>
    public static double Similarity(int distance) => Math.Round(Math.Clamp(1.0 - (distance / 32.0), 0.0, 1.0), 2);
}
