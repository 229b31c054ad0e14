namespace SocialWatch.Rules.Impersonation;

/// <summary>
/// The user part of an official account's handle, found on another account: Mastodon
/// "LeighTownCouncil@other.instance" beside the official "LeighTownCouncil@mastodon.social", or a Bluesky
/// "leightowncouncil.example.net" beside the official "leightowncouncil.bsky.social". Why: on a federated
/// platform anyone can register the same user name on another server or domain, and readers see the
/// name, not the server; an account with the official handle's user part but another id is a copy,
/// however short or plain that user part is.
/// </summary>
internal sealed class FederatedHandle
{
    private readonly (string User, OfficialAccountOptions Account)[] _official;

    public FederatedHandle(IEnumerable<OfficialAccountOptions> officialAccounts)
    {
        _official = officialAccounts
            .Select(a => (User: UserPart(a.Handle, a.Platform), Account: a))
            .Where(a => a.User.Length >= 2)
            .ToArray();
    }

    /// <summary>
    /// The official account whose handle's user part this handle shares (letter for letter, any case;
    /// look-alikes are the name rules' business), preferring one on the same platform; or null.
    /// </summary>
    public OfficialAccountOptions? Find(string handle, string platform)
    {
        if (_official.Length == 0 || string.IsNullOrWhiteSpace(handle))
        {
            return null;
        }

        var user = UserPart(handle, platform);
        OfficialAccountOptions? found = null;
        foreach (var (officialUser, account) in _official)
        {
            if (string.Equals(user, officialUser, StringComparison.OrdinalIgnoreCase))
            {
                if (string.Equals(account.Platform, platform, StringComparison.OrdinalIgnoreCase))
                {
                    return account;
                }

                found ??= account;
            }
        }

        return found;
    }

    /// <summary>
    /// "@user@server" → "user"; on Bluesky, whose handles are domain names, the first label
    /// ("user.bsky.social", "user.example.net" → "user"); elsewhere the handle itself.
    /// </summary>
    internal static string UserPart(string handle, string platform)
    {
        var core = (handle ?? "").Trim().TrimStart('@');
        var at = core.IndexOf('@', StringComparison.Ordinal);
        if (at > 0)
        {
            return core[..at];
        }

        if (string.Equals(platform, "bluesky", StringComparison.OrdinalIgnoreCase))
        {
            var dot = core.IndexOf('.', StringComparison.Ordinal);
            return dot > 0 ? core[..dot] : core;
        }

        return core;
    }
}
