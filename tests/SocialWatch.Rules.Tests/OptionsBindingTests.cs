using Microsoft.Extensions.Configuration;

namespace SocialWatch.Rules.Tests;

public sealed class OptionsBindingTests
{
    [Fact]
    public void Watch_options_bind_from_configuration_like_the_watch_file_loads()
    {
        var configuration = new ConfigurationBuilder().AddJsonFile(RepoPaths.Watch).Build();
        var bound = new WatchOptions();
        configuration.GetSection(WatchOptions.SectionName).Bind(bound);
        var loaded = WatchOptions.LoadFile(RepoPaths.Watch);

        Assert.Equal(loaded.Organisation.Names, bound.Organisation.Names);
        Assert.Equal(loaded.Organisation.Aliases, bound.Organisation.Aliases);
        Assert.Equal("leighonseatowncouncil.gov.uk", bound.Organisation.Website);
        Assert.Equal(["logos/ltc-logo.png"], bound.Organisation.LogoFiles);
        Assert.Equal(4, bound.OfficialAccounts.Count);
        Assert.Equal(6, bound.StaffAccounts.Count);
        Assert.Equal("Priya Nair", loaded.StaffAccounts[1].Name);
        Assert.Equal(loaded.StaffAccounts.Select(s => s.Id), bound.StaffAccounts.Select(s => s.Id));
    }

    [Fact]
    public void Rules_options_bind_thresholds_and_keep_defaults()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Rules:LogoHashDistanceThreshold"] = "10",
            ["Rules:UseEmbeddings"] = "false",
        }).Build();
        var options = new RulesOptions();
        configuration.GetSection(RulesOptions.SectionName).Bind(options);

        Assert.Equal(10, options.LogoHashDistanceThreshold);
        Assert.False(options.UseEmbeddings); // on by default: binding turns it off
        Assert.Contains("tender*", options.WithDefaults().ProcurementWords);
    }

    [Fact]
    public void A_configured_word_list_replaces_the_default_so_a_default_word_can_be_removed()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Rules:ProcurementWords:0"] = "tender*",
            ["Rules:ProcurementWords:1"] = "bid",
        }).Build();
        var options = new RulesOptions();
        configuration.GetSection(RulesOptions.SectionName).Bind(options);

        Assert.Equal(["tender*", "bid"], options.ProcurementWords);
        var effective = options.WithDefaults();
        Assert.Equal(["tender*", "bid"], effective.ProcurementWords);
        Assert.Equal(RulesOptions.DefaultHrWords, effective.HrWords); // lists not configured keep their defaults

        RulesOptions.ApplyDefaults(options);
        Assert.Equal(["tender*", "bid"], options.ProcurementWords);
        Assert.Contains("disciplinary", options.HrWords);

        // "quote" is no longer a procurement word: a staff post quoting a price is not a priced leak.
        var classifier = new Classifier(TestData.Watch(), options, [TestData.LogoHash]);
        var statements = new OfficialStatements(options);
        Assert.Empty(classifier.CheckPost(TestData.Post("The quote came in at £7,900 for the railings", TestData.Staff), statements));
        Assert.NotEmpty(new Classifier(TestData.Watch(), new RulesOptions(), [TestData.LogoHash])
            .CheckPost(TestData.Post("The quote came in at £7,900 for the railings", TestData.Staff), statements));
    }
}
