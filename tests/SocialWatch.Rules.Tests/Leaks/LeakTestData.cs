namespace SocialWatch.Rules.Tests.Leaks;

/// <summary>The test watch list with the organisation's published contacts, as a watch file configures them.</summary>
internal static class LeakTestData
{
    public static WatchOptions Watch()
    {
        var watch = TestData.Watch();
        watch.Organisation.PublicContacts = ["01702 716288", "71-73 Elm Road", "SS9 1SP"];
        return watch;
    }

    public static Classifier Classifier(RulesOptions? options = null) => new(Watch(), options ?? new RulesOptions(), [TestData.LogoHash]);

    /// <summary>The leak flag raised on a staff member's post, if any.</summary>
    public static RuleFlag? StaffLeak(this Classifier classifier, string text) =>
        classifier.CheckPost(TestData.Post(text, TestData.Staff), new OfficialStatements()).SingleOrDefault(f => f.Rule == RuleNames.ConfidentialLeak);

    /// <summary>The concepts named by the leak flag of a staff member's post (which must be flagged).</summary>
    public static List<string> LeakConcepts(this Classifier classifier, string text)
    {
        var flag = classifier.StaffLeak(text);
        Assert.NotNull(flag);
        return flag.Evidence["concepts"]!.AsArray().Select(c => c!.GetValue<string>()).ToList();
    }
}
