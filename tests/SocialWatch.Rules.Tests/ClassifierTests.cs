using System.Diagnostics;
using Xunit.Abstractions;

namespace SocialWatch.Rules.Tests;

public sealed class ClassifierTests(ITestOutputHelper output)
{
    private static readonly string[] BenignTexts =
    [
        "Lovely sunset over Old Leigh tonight 🌅",
        "Anyone know a decent plumber in Leigh? Boiler's making a noise like a walrus",
        "Results from today's race off Bell Wharf ⛵ 1st Kestrel, 2nd Dunlin, 3rd Saltmarsh.",
        "Storytime is back every Saturday at 10.30am in Leigh Library 📚 All welcome, no need to book.",
        "Old Leigh absolutely heaving today. Cockle sheds doing a roaring trade",
        "Trying to save money for Christmas this year like 💸😬 anyone else doing the jar thing?",
    ];

    [Fact]
    public void Identifies_official_and_staff_accounts()
    {
        var classifier = TestData.Classifier();
        Assert.True(classifier.IsOfficial("x", "1000000001"));
        Assert.True(classifier.IsOfficial("X", "1000000001"));
        Assert.False(classifier.IsOfficial("facebook", "1000000001"));
        Assert.True(classifier.IsStaff("x", "2000000101"));
        Assert.False(classifier.IsStaff("x", "1000000001"));
    }

    [Fact]
    public void Rules_can_be_switched_off()
    {
        var classifier = TestData.Classifier(new RulesOptions { ImpersonationEnabled = false, MisrepresentationEnabled = false });
        Assert.Empty(classifier.CheckAccount(TestData.Account("x", "Leigh Town Council")));
        Assert.Empty(classifier.CheckPost(TestData.Post("Leigh Town Council has voted to close the museum"), new OfficialStatements()));
    }

    [Fact]
    public void Is_thread_safe_while_statements_are_added()
    {
        var classifier = TestData.Classifier();
        var statements = new OfficialStatements();
        Parallel.For(0, 2000, i =>
        {
            if (i % 50 == 0)
            {
                statements.Add(TestData.Post($"The precept will rise by {i % 7}.5% next year.", TestData.Official));
            }

            var flags = classifier.CheckPost(TestData.Post("Leigh Town Council just put the precept up 10%"), statements);
            Assert.Contains(flags, f => f.Rule == RuleNames.Misrepresentation);
        });
    }

    [Fact]
    public void A_renamed_profile_is_judged_on_its_new_name()
    {
        var classifier = TestData.Classifier();
        var statements = new OfficialStatements();
        const string text = "The switch-on on 28 November has been CANCELLED.";
        Assert.Empty(classifier.CheckPost(TestData.Post(text, TestData.Account("bob_h", "Bob H", "4242")), statements));
        // Same platform and id, now calling itself the council: the cached verdict must not be reused.
        var renamed = TestData.Account("bob_h", "Leigh Town Counci1", "4242");
        Assert.Contains(RuleNames.Misrepresentation, TestData.Rules(classifier.CheckPost(TestData.Post(text, renamed), statements)));
        Assert.Empty(classifier.CheckPost(TestData.Post(text, TestData.Account("bob_h", "Bob H", "4242")), statements));
    }

    /// <summary>For information: single-core throughput and allocation on benign posts (the benchmark project measures properly).</summary>
    [Fact]
    public void Benign_posts_are_cheap()
    {
        var classifier = TestData.Classifier();
        var statements = new OfficialStatements();
        var posts = Enumerable.Range(0, 10_000)
            .Select(i => TestData.Post(BenignTexts[i % BenignTexts.Length], TestData.Account("user" + (i % 500), "User " + (i % 500), "u" + (i % 500))))
            .ToArray();
        foreach (var post in posts.Take(2000))
        {
            classifier.CheckPost(post, statements); // warm up, fill the author cache
        }

        var allocatedBefore = GC.GetAllocatedBytesForCurrentThread();
        var stopwatch = Stopwatch.StartNew();
        var flagged = 0;
        for (var round = 0; round < 10; round++)
        {
            foreach (var post in posts)
            {
                flagged += classifier.CheckPost(post, statements).Count;
            }
        }

        stopwatch.Stop();
        var allocated = GC.GetAllocatedBytesForCurrentThread() - allocatedBefore;
        var perSecond = posts.Length * 10 / stopwatch.Elapsed.TotalSeconds;
        var bytesPerPost = allocated / (posts.Length * 10.0);
        output.WriteLine($"{perSecond:N0} posts/s, {bytesPerPost:N1} bytes allocated per post");
        Assert.Equal(0, flagged);
        Assert.True(bytesPerPost < 1024, $"{bytesPerPost} bytes per post");
    }

    /// <summary>Posts that name the council take the full misrepresentation path: of these four only the
    /// claim that contradicts the budget is flagged, and repeating them (warm author cache, statements
    /// already matched) changes no answer. Their speed is measured in bench/SocialWatch.Bench.</summary>
    [Fact]
    public void Posts_mentioning_the_council_are_judged_the_same_every_time()
    {
        var classifier = TestData.Classifier();
        var statements = new OfficialStatements();
        statements.Add(TestData.Post("Full Council agreed the budget: the precept will rise by 2.5%.", TestData.Official));
        (string Text, bool Flagged)[] cases =
        [
            ("Full Council tonight at 7.30pm, the agenda is on the council website", false),
            ("Thanks to the town council for the new benches on the cliffs!", false),
            ("Leigh Town Council just put the precept up 10%", true),
            ("Is the council really closing the library?", false),
        ];
        for (var i = 0; i < 400; i++)
        {
            var (text, flagged) = cases[i % cases.Length];
            var flags = classifier.CheckPost(TestData.Post(text, TestData.Account("u" + (i % 100), "User", "u" + (i % 100))), statements);
            Assert.Equal(flagged, flags.Any(f => f.Rule == RuleNames.Misrepresentation));
        }
    }
}
