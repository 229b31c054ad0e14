using System.Globalization;
using System.Text.Json;
using SocialWatch.Connectors;
using SocialWatch.Worker;

namespace SocialWatch.Demo.Bench;

/// <summary>Deterministic, realistic-looking pages of posts for the ingestion benchmarks: local chatter
/// of typical length, a few hundred authors, and a raw payload the size of a real X post.</summary>
internal static class SyntheticPosts
{
    private static readonly string[] Openings = ["Lovely morning on the front at", "Anyone know why the traffic is so bad near", "Great fish and chips at", "Roadworks again outside", "Sunset over the estuary from", "Lost cat spotted near", "Busy market today at", "New cafe opening soon on"];
    private static readonly string[] Places = ["Bell Wharf", "the Broadway", "Leigh station", "Chalkwell Park", "Old Leigh", "Elm Road", "the library", "Marine Parade"];
    private static readonly string[] Endings = ["Worth a visit.", "Not impressed.", "#Leigh #SS9", "Thanks all!", "Photos later 📷", "Any tips?", "Bring a coat.", "What a place."];

    public static IEnumerable<FetchedPage> Pages(int posts, int pageSize = 100, int authors = 500, long idBase = 1_500_000_000_000_000_000)
    {
        var random = new Random(42);
        for (var start = 0; start < posts; start += pageSize)
        {
            var count = Math.Min(pageSize, posts - start);
            var list = new List<FetchedPost>(count);
            var accounts = new Dictionary<string, FetchedAccount>();
            for (var i = 0; i < count; i++)
            {
                var id = (idBase + start + i).ToString(CultureInfo.InvariantCulture);
                var author = random.Next(authors).ToString(CultureInfo.InvariantCulture);
                var text = $"{Openings[random.Next(Openings.Length)]} {Places[random.Next(Places.Length)]} this {DayOfWeek(random)}. {Endings[random.Next(Endings.Length)]}";
                var created = new DateTimeOffset(2026, 11, 1, 0, 0, 0, TimeSpan.Zero).AddSeconds(start + i);
                var raw = JsonSerializer.Serialize(new Dictionary<string, object>
                {
                    ["id"] = id, ["text"] = text, ["author_id"] = author, ["created_at"] = created.ToString("O", CultureInfo.InvariantCulture),
                    ["conversation_id"] = id, ["edit_history_tweet_ids"] = new[] { id }, ["lang"] = "en",
                    ["public_metrics"] = new Dictionary<string, int> { ["retweet_count"] = random.Next(5), ["reply_count"] = random.Next(5), ["like_count"] = random.Next(50), ["quote_count"] = 0 },
                });
                list.Add(new FetchedPost("x", id, author, text, $"https://x.com/user{author}/status/{id}", created, null, raw));
                accounts[author] = new FetchedAccount("x", author, "user" + author, "Resident " + author, "Leigh-on-Sea local", null, null,
                    JsonSerializer.Serialize(new Dictionary<string, string> { ["id"] = author, ["username"] = "user" + author, ["name"] = "Resident " + author }));
            }
            yield return new FetchedPage(list, accounts.Values.ToList(), $"{{\"SinceId\":\"{idBase + start + count - 1}\"}}");
        }
    }

    private static string DayOfWeek(Random random) => ((DayOfWeek)random.Next(7)).ToString();
}
