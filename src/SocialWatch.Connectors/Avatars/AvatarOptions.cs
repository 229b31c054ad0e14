using System.ComponentModel.DataAnnotations;

namespace SocialWatch.Connectors.Avatars;

/// <summary>Profile image download settings (section "Avatars").</summary>
public sealed class AvatarOptions
{
    public const string Section = "Avatars";

    /// <summary>The largest image read; a larger one is refused, not truncated.</summary>
    [Range(1024, 50L * 1024 * 1024)]
    public long MaxBytes { get; set; } = 2L * 1024 * 1024;

    /// <summary>Only https:// URLs (and redirects) are fetched. Off only for tests and the demo, whose
    /// fakes serve plain HTTP on loopback.</summary>
    public bool RequireHttps { get; set; } = true;

    /// <summary>Lets URLs reach private, loopback and link-local addresses. Off in production: an avatar
    /// URL comes from a stranger's profile, and must not make the worker call into its own network.</summary>
    public bool AllowPrivateAddresses { get; set; }

    /// <summary>Redirects followed at most (each one checked like the first URL).</summary>
    [Range(0, 10)]
    public int MaxRedirects { get; set; } = 3;

    /// <summary>Which addresses count as private when <see cref="AllowPrivateAddresses"/> is off. Not a
    /// setting: tests narrow it to let loopback through while still refusing the other ranges.</summary>
    internal Func<System.Net.IPAddress, bool> IsRefusedAddress { get; set; } = AvatarFetcher.IsPrivate;

    /// <summary>Timeout of the whole download, redirects included.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "00:05:00")]
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(15);
}
