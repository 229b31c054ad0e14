namespace SocialWatch.Rules.Tests;

/// <summary>Small builders for test inputs (the watch list mirrors samples/corpus/watch.json).</summary>
internal static class TestData
{
    public static WatchOptions Watch() => new()
    {
        Organisation = new OrganisationOptions
        {
            Names = ["Leigh Town Council", "Leigh-on-Sea Town Council"],
            Aliases = ["LTC", "Leigh TC"],
            Website = "leighonseatowncouncil.gov.uk",
        },
        OfficialAccounts =
        [
            new OfficialAccountOptions { Platform = "x", Id = "1000000001", Handle = "LeighTownCouncil" },
            new OfficialAccountOptions { Platform = "bluesky", Id = "did:plc:official", Handle = "leightowncouncil.bsky.social" },
        ],
        StaffAccounts =
        [
            new StaffAccountOptions { Platform = "x", Id = "2000000101", Handle = "samokafor", Name = "Sam Okafor", Role = "Deputy Clerk" },
            new StaffAccountOptions { Platform = "x", Id = "2000000103", Handle = "CllrTomHadley", Name = "Tom Hadley", Role = "Councillor" },
        ],
    };

    public const ulong LogoHash = 0x0F0F_F0F0_3C3C_C3C3;

    public static Classifier Classifier(RulesOptions? options = null) =>
        new(Watch(), options ?? new RulesOptions(), [LogoHash]);

    public static AccountInput Account(string handle = "someone", string displayName = "Some One", string id = "555", string platform = "x", ulong? avatar = null) =>
        new(platform, id, handle, displayName, "", avatar);

    public static AccountInput Official => Account("LeighTownCouncil", "Leigh Town Council", "1000000001");

    public static AccountInput Staff => Account("samokafor", "Sam Okafor", "2000000101");

    public static AccountInput Councillor => Account("CllrTomHadley", "Tom Hadley", "2000000103");

    private static int _nextId;

    public static PostInput Post(string text, AccountInput? author = null, string? inReplyTo = null, DateTimeOffset? at = null) =>
        new("x", "p" + Interlocked.Increment(ref _nextId), null, at ?? new DateTimeOffset(2026, 10, 1, 12, 0, 0, TimeSpan.Zero), text, author ?? Account(), inReplyTo);

    public static IEnumerable<string> Rules(IReadOnlyList<RuleFlag> flags) => flags.Select(f => f.Rule);
}
