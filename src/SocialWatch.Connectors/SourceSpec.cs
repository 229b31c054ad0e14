namespace SocialWatch.Connectors;

/// <summary>What a source watches. The names are what operators write in configuration.</summary>
public enum SourceKind
{
    /// <summary>The council's own account: its posts are official statements.</summary>
    OfficialTimeline,
    /// <summary>Posts that mention or reply to the council's account.</summary>
    Mentions,
    /// <summary>A keyword search for the council's names.</summary>
    Search,
    /// <summary>A registered staff or member account.</summary>
    StaffAccount,
    /// <summary>A search for accounts (not posts) whose names look like the council's.</summary>
    AccountSearch,
    /// <summary>An RSS or Atom news feed.</summary>
    NewsFeed,
}

/// <summary>One configured source, as a connector needs it.</summary>
/// <param name="Name">Unique, stable name (the operator's handle on it: `poll --source NAME`).</param>
/// <param name="Platform">x, facebook, bluesky, mastodon or rss.</param>
/// <param name="Kind">What is polled.</param>
/// <param name="Target">An account id or handle, a search query, or a feed URL, depending on the kind.</param>
/// <param name="BackfillDays">How far back the first poll reaches when there is no cursor yet.</param>
public sealed record SourceSpec(string Name, string Platform, SourceKind Kind, string Target, int BackfillDays);
