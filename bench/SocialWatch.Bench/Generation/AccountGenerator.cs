using System.Globalization;
using System.Text;
using SocialWatch.Rules;

namespace SocialWatch.Bench.Generation;

/// <summary>
/// Deterministic accounts for the impersonation check, each with an avatar hash (the connectors hash
/// every avatar they fetch): 93% residents, 3% local groups and other councils sharing a word with
/// ours, 2% look-alikes of the council (half of them with its logo), 1.5% staff, 0.5% official accounts.
/// Avatars are the sample photos and crests (one account in five) or unrelated images (random hashes).
/// </summary>
internal sealed class AccountGenerator
{
    /// <summary>Names an impersonator might choose: misspellings, digits, other-script letters, extra words, separators.</summary>
    public static readonly string[] LookAlikeNames =
    [
        "Leigh Town Counci1", "Leigh T0wn Council", "Leigh Town Council Updates", "LTC Updates", "Leigh_Town_Council",
        "Lеigh Town Cоuncil", "Leigh Towm Council", "Leigh Town Councll", "Official Leigh Town Council", "Leigh Tonw Council",
        "LTC info desk", "Leigh-on-Sea Town Counc1l", "Leigh Town Council News",
    ];

    private static readonly string[] OtherBodies =
    [
        "Southend City Council", "Leigh Rugby Club", "Leigh Townsend", "Leigh Library Friends", "Old Leigh Traders",
        "Essex County Council", "Leigh Sailing Club", "Town Crier Leigh",
    ];

    private readonly Random _random;
    private readonly WatchOptions _watch;
    private readonly IReadOnlyList<ulong> _logoHashes;
    private readonly ulong[] _avatarHashes;

    public AccountGenerator(WatchOptions watch, IReadOnlyList<ulong> logoHashes, IReadOnlyList<ulong> sampleAvatarHashes, int seed = PostGenerator.DefaultSeed)
    {
        _watch = watch;
        _logoHashes = logoHashes;
        // Ordinary accounts get the sample photos and crests, never the samples that are logo variants
        // (those would be impersonators): anything within 16 bits of a logo is left out.
        _avatarHashes = sampleAvatarHashes.Where(h => logoHashes.All(l => PerceptualHash.Distance(h, l) > 16)).ToArray();
        _random = new Random(seed);
    }

    public static string HandleOf(string name, int index)
    {
        var builder = new StringBuilder(name.Length + 4);
        foreach (var c in name)
        {
            if (char.IsLetterOrDigit(c) || c == '_')
            {
                builder.Append(c);
            }
        }

        return builder.Append(index % 100).ToString();
    }

    public AccountInput[] Take(int count)
    {
        var accounts = new AccountInput[count];
        for (var i = 0; i < count; i++)
        {
            accounts[i] = Next(i);
        }

        return accounts;
    }

    private AccountInput Next(int index)
    {
        var roll = _random.Next(1000);
        var id = (4_000_000_000L + index).ToString(CultureInfo.InvariantCulture);
        if (roll < 5)
        {
            var official = _watch.OfficialAccounts[_random.Next(_watch.OfficialAccounts.Count)];
            return new AccountInput(official.Platform, official.Id, official.Handle, "Leigh Town Council", "Official account", RandomAvatar());
        }

        if (roll < 20)
        {
            var staff = _watch.StaffAccounts[_random.Next(_watch.StaffAccounts.Count)];
            return new AccountInput(staff.Platform, staff.Id, staff.Handle, staff.Name, staff.Role, RandomAvatar());
        }

        if (roll < 40)
        {
            var name = LookAlikeNames[_random.Next(LookAlikeNames.Length)];
            var avatar = _random.Next(2) == 0 && _logoHashes.Count > 0 ? FlipBits(_logoHashes[0], _random.Next(4)) : RandomAvatar();
            return new AccountInput("x", id, HandleOf(name, index), name, "News and updates for Leigh", avatar);
        }

        if (roll < 70)
        {
            var name = OtherBodies[_random.Next(OtherBodies.Length)];
            return new AccountInput("facebook", id, HandleOf(name, index), name, "", RandomAvatar());
        }

        var first = Vocabulary.FirstNames[_random.Next(Vocabulary.FirstNames.Length)];
        var last = Vocabulary.LastNames[_random.Next(Vocabulary.LastNames.Length)];
        var display = _random.Next(10) == 0 ? $"{first} {Vocabulary.Emoji[_random.Next(Vocabulary.Emoji.Length)]}" : $"{first} {last}";
        return new AccountInput("x", id, $"{first.ToLowerInvariant()}{last[0]}{index % 1000}", display, Vocabulary.Bio[_random.Next(Vocabulary.Bio.Length)], RandomAvatar());
    }

    /// <summary>One of the sample avatars' hashes (one time in five) or an unrelated photo's (random bits).</summary>
    private ulong RandomAvatar() =>
        _avatarHashes.Length > 0 && _random.Next(5) == 0
            ? _avatarHashes[_random.Next(_avatarHashes.Length)]
            : (ulong)_random.NextInt64() ^ ((ulong)_random.Next() << 40);

    private ulong FlipBits(ulong hash, int bits)
    {
        for (var i = 0; i < bits; i++)
        {
            hash ^= 1UL << _random.Next(64);
        }

        return hash;
    }
}
