using System.Globalization;
using System.Text;
using SocialWatch.Rules;

namespace SocialWatch.Bench.Generation;

/// <summary>What a generated post is, so that figures can be reported per kind.</summary>
internal enum PostKind
{
    /// <summary>Everyday local chatter that never names the council (90% of traffic).</summary>
    Chatter,

    /// <summary>Names the council benignly: questions, thanks, event chatter, official posts, replies (7%).</summary>
    CouncilBenign,

    /// <summary>A resident asserting what the council decided or will do (1.8%).</summary>
    Claim,

    /// <summary>A registered staff member or councillor letting slip what is not public (1.2%).</summary>
    StaffLeak,
}

internal readonly record struct GeneratedPost(PostInput Post, PostKind Kind);

/// <summary>
/// Deterministic generator of realistic posts (fixed seed: the same sequence on every machine and run).
/// </summary>
/// <remarks>
/// The mix follows what the connectors bring in: mostly local chatter, a little about the council, a few
/// posts to flag. Authors are a pool of residents, local groups and news sites, plus the watch list's
/// staff (2% of chatter, 10% of council posts, all leaks) and official accounts. A quarter of posts carry
/// emoji, 15% typographic quotes and dashes, 3% accented words (which make the rules fold the text), 8% a
/// link, and a few zero-width or other-script look-alike letters, as evasive posts do.
/// </remarks>
internal sealed class PostGenerator
{
    public const int DefaultSeed = 20_261_125;
    public const int OfficialStatementCount = 100;
    private const int ResidentPoolSize = 5_000;

    // Case-insensitive words whose presence would make a "chatter" post mention the council (the
    // classifier's own pre-filter words for the sample watch list); chatter must contain none of them.
    private static readonly string[] CouncilWords = ["council", "clerk", "ltc", "leigh tc", "leightowncouncil", "leigh-on-sea town"];

    private static readonly string[] Platforms = ["x", "facebook", "bluesky", "mastodon"];
    private static readonly string[] Scores = ["1-0", "2-1", "3-2", "4-0", "2-2", "5-3"];
    private static readonly string[] LinkAlphabet = ["a", "b", "d", "e", "f", "g", "h", "j", "k", "m", "n", "p", "q", "r", "s", "u", "v", "w", "x", "y", "z", "2", "7", "9"];

    private readonly Random _random;
    private readonly AccountInput[] _residents;
    private readonly AccountInput[] _staff;
    private readonly AccountInput[] _official;
    private readonly AccountInput[] _lookAlikes;
    private readonly List<PostInput> _officialPosts = [];
    private readonly StringBuilder _builder = new(512);
    private readonly DateTimeOffset _start = new(2026, 9, 1, 7, 0, 0, TimeSpan.Zero);
    private long _sequence;

    public PostGenerator(WatchOptions watch, int seed = DefaultSeed)
    {
        ArgumentNullException.ThrowIfNull(watch);
        _random = new Random(seed);
        _staff = watch.StaffAccounts
            .Select(s => new AccountInput(s.Platform, s.Id, s.Handle, s.Name, s.Role + ", personal account", null))
            .ToArray();
        _official = watch.OfficialAccounts
            .Select(o => new AccountInput(o.Platform, o.Id, o.Handle, watch.Organisation.Names.FirstOrDefault() ?? o.Handle, "Official account", null))
            .ToArray();
        if (_staff.Length == 0 || _official.Length == 0)
        {
            throw new InvalidOperationException("The watch list needs at least one staff and one official account for the generated mix.");
        }

        _residents = Enumerable.Range(0, ResidentPoolSize).Select(NewResident).ToArray();
        _lookAlikes = AccountGenerator.LookAlikeNames.Take(8)
            .Select((name, i) => new AccountInput("x", (3_900_000_000L + i).ToString(CultureInfo.InvariantCulture), AccountGenerator.HandleOf(name, i), name, "Local news and updates", null))
            .ToArray();
        for (var i = 0; i < OfficialStatementCount; i++)
        {
            _officialPosts.Add(NewPost(Pick(_official), Fill(Pick(Vocabulary.OfficialTemplates)), inReplyTo: null));
        }
    }

    /// <summary>The official posts the generated replies and claims refer to, oldest first.</summary>
    public IReadOnlyList<PostInput> OfficialPosts => _officialPosts;

    /// <summary>The official statements as the worker holds them: every generated official post added.</summary>
    public OfficialStatements CreateStatements(RulesOptions options)
    {
        var statements = new OfficialStatements(options);
        foreach (var post in _officialPosts)
        {
            statements.Add(post);
        }

        return statements;
    }

    /// <summary>The next post of the realistic mix: 90% chatter, 7% benign council posts, 1.8% claims, 1.2% leaks.</summary>
    public GeneratedPost Next()
    {
        var roll = _random.NextDouble();
        var kind = roll switch
        {
            < 0.90 => PostKind.Chatter,
            < 0.97 => PostKind.CouncilBenign,
            < 0.988 => PostKind.Claim,
            _ => PostKind.StaffLeak,
        };
        return Next(kind);
    }

    /// <summary>The next benign post, chatter and council posts in their 90:7 proportion.</summary>
    /// <summary>The generator's random source (a mix of kinds drawn from it stays reproducible).</summary>
    public Random Random => _random;

    public GeneratedPost NextBenign() => Next(_random.Next(97) < 90 ? PostKind.Chatter : PostKind.CouncilBenign);

    /// <summary>The next post to flag, claims and leaks in their 1.8:1.2 proportion.</summary>
    public GeneratedPost NextFlaggable() => Next(_random.Next(30) < 18 ? PostKind.Claim : PostKind.StaffLeak);

    public GeneratedPost Next(PostKind kind) => kind switch
    {
        PostKind.Chatter => new(Chatter(), kind),
        PostKind.CouncilBenign => new(CouncilBenign(), kind),
        PostKind.Claim => new(Claim(), kind),
        PostKind.StaffLeak => new(Leak(), kind),
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, null),
    };

    public GeneratedPost[] Take(int count, Func<PostGenerator, GeneratedPost> next)
    {
        ArgumentNullException.ThrowIfNull(next);
        var posts = new GeneratedPost[count];
        for (var i = 0; i < count; i++)
        {
            posts[i] = next(this);
        }

        return posts;
    }

    private PostInput Chatter()
    {
        var author = _random.Next(100) < 2 ? Pick(_staff) : Pick(_residents);
        // Facebook posts run longer: two or three sentences.
        var sentences = author.Platform == "facebook" ? 1 + _random.Next(3) : 1;
        var text = Fill(Pick(Vocabulary.ChatterTemplates));
        for (var i = 1; i < sentences; i++)
        {
            text += ". " + Fill(Pick(Vocabulary.ChatterTemplates));
        }

        foreach (var word in CouncilWords)
        {
            if (text.Contains(word, StringComparison.OrdinalIgnoreCase))
            {
                throw new InvalidOperationException($"Generator bug: chatter names the council ('{word}'): {text}");
            }
        }

        return NewPost(author, Decorate(text), inReplyTo: null);
    }

    private PostInput CouncilBenign()
    {
        var roll = _random.Next(100);
        if (roll < 10)
        {
            return NewPost(Pick(_official), Decorate(Fill(Pick(Vocabulary.OfficialTemplates))), inReplyTo: null);
        }

        if (roll < 25)
        {
            var target = Pick(_officialPosts);
            return NewPost(Pick(_residents), Decorate(Fill(Pick(Vocabulary.ReplyTemplates))), target.Id);
        }

        var author = roll < 35 ? Pick(_staff) : Pick(_residents);
        return NewPost(author, Decorate(Fill(Pick(Vocabulary.CouncilBenignTemplates))), inReplyTo: null);
    }

    private PostInput Claim()
    {
        var author = _random.Next(100) < 10 ? Pick(_lookAlikes) : Pick(_residents);
        var text = Fill(Pick(Vocabulary.ClaimTemplates));
        if (_random.Next(100) < 20)
        {
            // Evasion: a Cyrillic 'о' in "council" so a plain-text search misses it.
            text = text.Replace("council", "c\u043Euncil", StringComparison.Ordinal);
        }

        var replyTo = _random.Next(100) < 30 ? Pick(_officialPosts).Id : null;
        return NewPost(author, Decorate(text), replyTo);
    }

    private PostInput Leak() => NewPost(Pick(_staff), Decorate(Fill(Pick(Vocabulary.LeakTemplates))), inReplyTo: null);

    /// <summary>Emoji, typographic punctuation, accented words, links and invisible characters, in realistic shares.</summary>
    private string Decorate(string text)
    {
        if (_random.Next(100) < 15)
        {
            text = text.Replace('\'', '\u2019').Replace(" - ", " \u2013 ", StringComparison.Ordinal) + (_random.Next(2) == 0 ? "\u2026" : "");
        }

        if (_random.Next(100) < 3)
        {
            text += " " + Pick(Vocabulary.AccentedPhrase);
        }

        if (_random.Next(100) < 8)
        {
            text += " https://t.co/" + string.Concat(Enumerable.Range(0, 10).Select(_ => Pick(LinkAlphabet)));
        }

        if (_random.Next(100) < 25)
        {
            text += " " + Pick(Vocabulary.Emoji) + (_random.Next(3) == 0 ? Pick(Vocabulary.Emoji) : "");
        }

        if (_random.Next(1000) < 3)
        {
            // A zero-width space inside a word (copy-pasted text, or evasion).
            var at = text.IndexOf(' ', StringComparison.Ordinal);
            text = at > 2 ? text.Insert(at - 2, "\u200B") : text;
        }

        return text;
    }

    private string Fill(string template)
    {
        var builder = _builder.Clear();
        var i = 0;
        while (i < template.Length)
        {
            var open = template.IndexOf('{', i);
            if (open < 0)
            {
                builder.Append(template, i, template.Length - i);
                break;
            }

            var close = template.IndexOf('}', open);
            builder.Append(template, i, open - i);
            builder.Append(Slot(template[(open + 1)..close]));
            i = close + 1;
        }

        return builder.ToString();
    }

    private string Slot(string name) => name switch
    {
        "Weather" => Pick(Vocabulary.Weather),
        "Place" => Pick(Vocabulary.Place),
        "Daypart" => Pick(Vocabulary.Daypart),
        "Feeling" => Pick(Vocabulary.Feeling),
        "Trade" => Pick(Vocabulary.Trade),
        "Street" or "Street2" => Pick(Vocabulary.Street),
        "Pet" => Pick(Vocabulary.Pet),
        "PetName" => Pick(Vocabulary.PetName),
        "Food" => Pick(Vocabulary.Food),
        "Shop" => Pick(Vocabulary.Shop),
        "LocalEvent" => Pick(Vocabulary.LocalEvent),
        "Weekday" => Pick(Vocabulary.Weekday),
        "Month" => Pick(Vocabulary.Month),
        "Item" => Pick(Vocabulary.Item),
        "Reason" => Pick(Vocabulary.Reason),
        "Team" => Pick(Vocabulary.Team),
        "Relative" => Pick(Vocabulary.Relative),
        "Emoji" => Pick(Vocabulary.Emoji),
        "Facility" => Pick(Vocabulary.Facility),
        "Change" => Pick(Vocabulary.Change),
        "Project" => Pick(Vocabulary.Project),
        "Staffing" => Pick(Vocabulary.Staffing),
        "Score" => Pick(Scores),
        "Number" => _random.Next(2, 90).ToString(CultureInfo.InvariantCulture),
        "Day" => _random.Next(1, 29).ToString(CultureInfo.InvariantCulture),
        "Price" => _random.Next(10, 900).ToString(CultureInfo.InvariantCulture),
        "Percent" => (_random.Next(10, 60) / 10.0).ToString("0.0", CultureInfo.InvariantCulture),
        "Phone" => _random.Next(100_000_000, 999_999_999).ToString(CultureInfo.InvariantCulture),
        _ => throw new InvalidOperationException($"Unknown template slot {{{name}}}"),
    };

    private AccountInput NewResident(int index)
    {
        var roll = _random.Next(100);
        if (roll < 5)
        {
            var site = Pick(Vocabulary.NewsSites);
            return new AccountInput("rss", site, site, site.Split('.')[0].Replace('-', ' '), "", null);
        }

        var platform = Pick(Platforms);
        string displayName;
        string handle;
        if (roll < 8)
        {
            displayName = Pick(Vocabulary.LocalOrganisations);
            handle = displayName.Replace(" ", "", StringComparison.Ordinal) + index.ToString(CultureInfo.InvariantCulture);
        }
        else
        {
            var first = Pick(Vocabulary.FirstNames);
            var last = Pick(Vocabulary.LastNames);
            displayName = _random.Next(10) == 0 ? $"{first} {Pick(Vocabulary.Emoji)}" : $"{first} {last}";
            handle = $"{first.ToLowerInvariant()}_{last.ToLowerInvariant()}{_random.Next(100)}";
        }

        var id = platform switch
        {
            "bluesky" => $"did:plc:bench{index:D20}",
            "facebook" => (100_080_000_000_000L + index).ToString(CultureInfo.InvariantCulture),
            _ => (3_000_000_000L + index).ToString(CultureInfo.InvariantCulture),
        };
        if (platform == "bluesky")
        {
            handle = handle.ToLowerInvariant() + ".bsky.social";
        }

        return new AccountInput(platform, id, handle, displayName, Pick(Vocabulary.Bio), null);
    }

    private PostInput NewPost(AccountInput author, string text, string? inReplyTo)
    {
        var sequence = ++_sequence;
        var createdAt = _start.AddSeconds(sequence * 3);
        var number = (1_900_000_000_000_000_000L + (sequence * 7_919)).ToString(CultureInfo.InvariantCulture);
        var (id, url) = author.Platform switch
        {
            "x" => (number, $"https://x.com/{author.Handle}/status/{number}"),
            "facebook" => ($"{author.Id}_{sequence}", $"https://www.facebook.com/{author.Id}/posts/{sequence}"),
            "bluesky" => ($"at://{author.Id}/app.bsky.feed.post/3l{sequence:x10}", $"https://bsky.app/profile/{author.Handle}/post/3l{sequence:x10}"),
            "mastodon" => (number, $"https://mastodon.social/@{author.Handle}/{number}"),
            _ => ($"https://{author.Id}/news/{sequence}", $"https://{author.Id}/news/{sequence}"),
        };
        return new PostInput(author.Platform, id, url, createdAt, text, author, inReplyTo);
    }

    private T Pick<T>(IReadOnlyList<T> items) => items[_random.Next(items.Count)];
}
