namespace SocialWatch.Rules.Tests.Misrepresentation;

/// <summary>The statement index: many statements, a claim finds its own among them; snapshots do not move.</summary>
public sealed class OfficialStatementsTests
{
    private static readonly DateTimeOffset Before = new(2026, 9, 1, 9, 0, 0, TimeSpan.Zero);
    private readonly Classifier _classifier = TestData.Classifier();

    private static readonly string[] Topics =
        ["allotments", "bandstand", "benches", "bins", "carnival", "cemetery", "library", "lido", "market", "museum", "paddling pool", "playground", "skate park", "toilets", "war memorial"];

    private static void AddNoise(OfficialStatements statements, int count)
    {
        for (var i = 0; i < count; i++)
        {
            var topic = Topics[i % Topics.Length];
            statements.Add(TestData.Post($"Update {i}: the {topic} survey closes on {1 + (i % 28)} March; results at the next meeting.", TestData.Official, at: Before));
        }
    }

    [Fact]
    public void Among_thousands_of_statements_a_claim_is_compared_with_the_one_on_its_topic()
    {
        var statements = new OfficialStatements();
        AddNoise(statements, 2_000);
        var precept = TestData.Post("Full Council agreed the budget: the town council precept will rise by 2.5%.", TestData.Official, at: Before);
        statements.Add(precept);
        AddNoise(statements, 2_000);

        var flag = _classifier.CheckPost(TestData.Post("Leigh Town Council just put the precept up 10%!"), statements).Single(f => f.Rule == RuleNames.Misrepresentation);

        Assert.Equal(4_001, statements.Count);
        Assert.Equal(Severities.High, flag.Severity);
        Assert.Equal(precept.Id, flag.Evidence["contradicts"]!["statement_id"]!.GetValue<string>());
    }

    [Fact]
    public void A_reply_to_a_statement_sharing_no_topic_word_is_still_compared_with_it()
    {
        var statements = new OfficialStatements();
        AddNoise(statements, 500);
        var budget = TestData.Post("Full Council agreed the budget. The precept will rise by 2.5%.", TestData.Official, at: Before);
        statements.Add(budget);
        AddNoise(statements, 500);

        var flag = _classifier.CheckPost(TestData.Post("Rubbish, it's going up 10% and you're hiding it.", TestData.Account(), budget.Id), statements)
            .Single(f => f.Rule == RuleNames.Misrepresentation);

        Assert.Equal(budget.Id, flag.Evidence["contradicts"]!["statement_id"]!.GetValue<string>());
    }

    [Fact]
    public void A_snapshot_taken_before_later_statements_sees_only_its_own()
    {
        var statements = new OfficialStatements();
        statements.Add(TestData.Post("The museum will reopen on Saturday 4 April.", TestData.Official, at: Before));
        var early = statements.Current;

        AddNoise(statements, 300);
        statements.Add(TestData.Post("The museum will now reopen on Saturday 11 April.", TestData.Official, at: Before));

        Assert.Equal(1, early.Count);
        Assert.Equal(1, early.Postings["museum"].Count);
        Assert.Equal(302, statements.Current.Count);
        Assert.Equal(1 + 20 + 1, statements.Current.Postings["museum"].Count);
        Assert.Equal("The museum will reopen on Saturday 4 April.", early.Entries[0].Post.Text);
    }

    [Fact]
    public void The_same_post_added_twice_is_kept_once()
    {
        var statements = new OfficialStatements();
        var post = TestData.Post("The lido opens on 1 June.", TestData.Official, at: Before);
        statements.Add(post);
        statements.Add(post);
        Assert.Equal(1, statements.Count);
    }
}
