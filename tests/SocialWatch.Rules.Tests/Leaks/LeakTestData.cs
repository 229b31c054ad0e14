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
}
