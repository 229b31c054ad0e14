namespace SocialWatch.Connectors.Tests;

internal static class FakeSources
{
    public static SourceSpec Spec(string platform, SourceKind kind, string target, int backfillDays = 0) =>
        new($"{platform}-{kind}-test", platform, kind, target, backfillDays);
}
