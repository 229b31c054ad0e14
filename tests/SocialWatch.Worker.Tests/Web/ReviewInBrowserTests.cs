using System.Net;
using Dapper;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Npgsql;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using OpenQA.Selenium;
using SocialWatch.Fakes;
using SocialWatch.Fakes.X;
using SocialWatch.Worker.Avatars;
using SocialWatch.Worker.Ingestion;

namespace SocialWatch.Worker.Tests.Web;

/// <summary>
/// The Town Clerk's review, step by step in a real browser (Debian's headless Chromium), on flags that a
/// real pipeline run produced: X fake → polling → classifier → PostgreSQL. The screenshots it takes are
/// the ones in the README (written there only with SOCIALWATCH_UPDATE_SCREENSHOTS=1, see Browser.Screenshot).
/// </summary>
public sealed class ReviewInBrowserTests : IAsyncLifetime
{
    private const string StaffId = "2000000102";
    private FakeServer _images = null!;
    private XFake _x = null!;
    private string _db = "";
    private ReviewPage _page = null!;

    public async Task InitializeAsync()
    {
        // The profile pictures, served over real HTTP on loopback (allowed below for the test only).
        var avatars = Path.Combine(TestHosts.RepoRoot(), "samples", "corpus", "avatars");
        _images = await FakeServer.StartAsync(app => app.MapGet("/img/{name}", (string name) =>
            Results.File(File.ReadAllBytes(Path.Combine(avatars, Path.GetFileName(name))), "image/png")));
        _x = await XFake.StartAsync();
        _x.AddUser(new XFakeUser(TestHosts.OfficialXId, "LeighTownCouncil", "Leigh Town Council", "Official account of Leigh-on-Sea Town Council"));
        _x.AddUser(new XFakeUser(StaffId, "priya_n_finance", "Priya Nair", "Finance Officer, Leigh Town Council. Views my own."));
        _x.AddUser(new XFakeUser("4000000001", "LeighTownCounci1", "Leigh Town Council", "Official news from Leigh Town Council"));
        _x.AddUser(new XFakeUser("4000000002", "ss9_dave", "Dave Price", "Leigh born and bred"));
        _x.AddUser(new XFakeUser("4000000003", "seafront_ss9", "Seafront News", "", new Uri(_images.BaseAddress, "img/logo-recolour.png").ToString()));
        _db = await TestDatabase.CreateAsync();
        var settings = TestHosts.Settings(_db)
            .WithXSource(_x, name: "x-search", kind: "Search", target: "Leigh OR council OR tender OR library", index: 0)
            .WithXSource(_x, name: "x-staff", kind: "StaffAccount", target: StaffId, index: 1)
            .WithXSource(_x, name: "x-official", kind: "OfficialTimeline", target: TestHosts.OfficialXId, index: 2);
        settings["Avatars:RequireHttps"] = "false";
        settings["Avatars:AllowPrivateAddresses"] = "true";
        _page = await ReviewPage.StartAsync(settings, lockoutFailures: 3);
        var host = _page.Host;
        await host.Get<SourceStore>().SyncAsync(host.Get<IOptions<SourcesOptions>>().Value.Items, default);

        _x.Post(TestHosts.OfficialXId, "Leigh Library is keeping its current opening hours: Mon-Sat 9am-5pm. No changes are planned.");
        await PollAsync("x-official");
        _x.Post("4000000001", "Leigh library will close for good next month, the council has decided.");
        _x.Post("4000000002", "So the council has decided to close Leigh Library on Saturdays from next month. Disgraceful.");
        await PollAsync("x-search");
        _x.Post(StaffId, "Between us, the lowest tender for the Pier Road resurfacing came in at £48,500 - decision at Part 2 on Tuesday.");
        await PollAsync("x-staff");
        _x.Post("4000000003", "Leigh seafront: the road is closed on Sunday morning for the fun run.");
        await PollAsync("x-search");
        await _page.Host.Get<AvatarRefresh>().RefreshAsync(CancellationToken.None);
    }

    public async Task DisposeAsync()
    {
        await _page.DisposeAsync();
        await _x.DisposeAsync();
        await _images.DisposeAsync();
    }

    private async Task PollAsync(string source)
    {
        var outcome = await _page.Host.Get<SourcePoller>().PollAsync(source, CancellationToken.None);
        Assert.Null(outcome.Error);
    }

    private async Task<long> FlagAsync(string rule, string handle)
    {
        await using var connection = new NpgsqlConnection(_db);
        return await connection.ExecuteScalarAsync<long>(
            "SELECT f.id FROM flags f JOIN accounts a ON a.id = f.account_id WHERE f.rule = @rule AND a.handle = @handle ORDER BY f.id LIMIT 1", new { rule, handle });
    }

    [Fact]
    public async Task The_clerk_signs_in_opens_a_flag_marks_it_a_false_alarm_and_finds_it_dismissed_in_the_export()
    {
        var misrepresentation = await FlagAsync("misrepresentation", "ss9_dave");
        Assert.NotEqual(0, misrepresentation);
        using var browser = new Browser();

        // Any page sends her to sign in; a wrong password is refused.
        browser.Go(new Uri(_page.BaseUrl, "/"));
        browser.Wait(d => d.Url.Contains("/signin", StringComparison.Ordinal));
        browser.SignIn(ReviewPage.Clerk, "not the password");
        Assert.Contains("do not match", browser.Wait(d => d.FindElement(By.CssSelector(".error"))).Text, StringComparison.Ordinal);
        Assert.Empty(browser.FindAll("#flags"));

        browser.SignIn(ReviewPage.Clerk, ReviewPage.Password);
        browser.Wait(d => d.FindElements(By.CssSelector("#flags")).Count == 1);
        Assert.Contains("Open flags", browser.Find("h1").Text, StringComparison.Ordinal);
        var listed = browser.FindAll("#flags li").Select(li => li.GetAttribute("data-flag")).ToList();
        Assert.Contains(misrepresentation.ToString(System.Globalization.CultureInfo.InvariantCulture), listed);
        Assert.True(listed.Count >= 3, $"the pipeline's flags are listed ({listed.Count})");
        browser.Screenshot("review-list.png");

        // The flag's page: who, what they posted with the evidence marked, the statement it contradicts.
        browser.Find($"li[data-flag='{misrepresentation}'] a").Click();
        browser.Wait(d => d.Url.EndsWith($"/flags/{misrepresentation}", StringComparison.Ordinal));
        Assert.Contains("Dave Price", browser.Find(".account").Text, StringComparison.Ordinal);
        Assert.Contains("@ss9_dave", browser.Find(".account").Text, StringComparison.Ordinal);
        Assert.Contains("close Leigh Library on Saturdays", browser.Find("#post").Text, StringComparison.Ordinal);
        Assert.NotEmpty(browser.FindAll("#post mark"));
        // The statement it contradicts is shown exactly when the rule recorded one.
        var evidence = await new NpgsqlConnection(_db).ExecuteScalarAsync<string>("SELECT evidence::text FROM flags WHERE id = @misrepresentation", new { misrepresentation });
        if (evidence!.Contains("\"contradicts\"", StringComparison.Ordinal))
        {
            Assert.Contains("keeping its current opening hours", browser.Find("#contradicts").Text, StringComparison.Ordinal);
        }
        else
        {
            Assert.Empty(browser.FindAll("#contradicts"));
        }
        Assert.Equal("Open", browser.Find("#status").Text);
        browser.Screenshot("review-flag.png");

        browser.Find("#note").SendKeys("A resident's opinion; the library hours are unchanged.");
        browser.Find("#dismiss").Click();
        browser.Wait(d => d.FindElements(By.CssSelector(".saved")).Count == 1);
        Assert.Equal("False alarm", browser.Find("#status").Text);
        Assert.Contains($"False alarm by {ReviewPage.Clerk}", browser.Find("#reviewed").Text, StringComparison.Ordinal);

        // It has left the open list.
        browser.Find("a.brand").Click();
        browser.Wait(d => d.FindElements(By.CssSelector("#flags")).Count == 1);
        Assert.DoesNotContain(misrepresentation.ToString(System.Globalization.CultureInfo.InvariantCulture), browser.FindAll("#flags li").Select(li => li.GetAttribute("data-flag")));

        // The export of the dismissed flags (the same filter the list shows), fetched with her session.
        var cookies = new CookieContainer();
        foreach (var c in browser.Driver.Manage().Cookies.AllCookies)
        {
            cookies.Add(_page.BaseUrl, new System.Net.Cookie(c.Name, c.Value, "/"));
        }
        using var client = _page.Client(cookies);
        var csv = await client.GetStringAsync("/export.csv?status=dismissed");
        var row = Assert.Single(csv.Split("\r\n").Skip(1), l => l.Length > 0);
        Assert.StartsWith($"\"{misrepresentation}\",", row, StringComparison.Ordinal);
        Assert.Contains("\"dismissed\"", row, StringComparison.Ordinal);
        Assert.Contains($"\"{ReviewPage.Clerk}\"", row, StringComparison.Ordinal);
        Assert.Contains("library hours are unchanged", row, StringComparison.Ordinal);

        // Recorded in the database as who, when, what.
        await using var connection = new NpgsqlConnection(_db);
        var review = await connection.QuerySingleAsync<(string Status, string By, string Note, DateTime At)>(
            "SELECT status, reviewed_by, review_note, reviewed_at FROM flags WHERE id = @misrepresentation", new { misrepresentation });
        Assert.Equal(("dismissed", ReviewPage.Clerk), (review.Status, review.By));
        Assert.True(DateTime.UtcNow - review.At < TimeSpan.FromMinutes(5));
    }

    [Fact]
    public void After_three_wrong_passwords_the_login_is_locked_even_for_the_right_one()
    {
        using var browser = new Browser();
        browser.Go(new Uri(_page.BaseUrl, "/signin"));
        for (var i = 0; i < 2; i++)
        {
            browser.SignIn(ReviewPage.Clerk, "wrong " + i);
            Assert.Contains("do not match", browser.Wait(d => d.FindElement(By.CssSelector(".error"))).Text, StringComparison.Ordinal);
        }
        browser.SignIn(ReviewPage.Clerk, "wrong again");
        Assert.Contains("locked", browser.Wait(d => d.FindElement(By.CssSelector(".error"))).Text, StringComparison.Ordinal);

        browser.SignIn(ReviewPage.Clerk, ReviewPage.Password);
        Assert.Contains("locked", browser.Wait(d => d.FindElement(By.CssSelector(".error"))).Text, StringComparison.Ordinal);
        Assert.Contains("/signin", browser.Driver.Url, StringComparison.Ordinal);
        Assert.Empty(browser.FindAll("#flags"));
    }

    [Fact]
    public async Task An_impersonation_flag_opened_from_a_link_asks_for_sign_in_then_shows_the_flag_within_a_phone_screen()
    {
        var impersonation = await FlagAsync("impersonation", "LeighTownCounci1");
        Assert.NotEqual(0, impersonation);
        using var browser = new Browser(width: 390, height: 844);
        browser.Go(new Uri(_page.BaseUrl, $"/flags/{impersonation}"));
        browser.SignIn(ReviewPage.Clerk, ReviewPage.Password);
        browser.Wait(d => d.Url.EndsWith($"/flags/{impersonation}", StringComparison.Ordinal));
        Assert.Contains("Possible impersonation", browser.Find("h1").Text, StringComparison.Ordinal);
        // Phone width: nothing wider than the screen.
        Assert.True((bool)browser.Driver.ExecuteScript("return document.documentElement.scrollWidth <= window.innerWidth")!);
        browser.Screenshot("review-flag-phone.png");
    }

    [Fact]
    public async Task A_flag_for_a_copy_of_the_logo_shows_the_account_s_picture_beside_the_council_s_logo_with_the_similarity()
    {
        var logoCopy = await FlagAsync("impersonation", "seafront_ss9");
        Assert.NotEqual(0, logoCopy);
        using var browser = new Browser();
        browser.Go(new Uri(_page.BaseUrl, $"/flags/{logoCopy}"));
        browser.SignIn(ReviewPage.Clerk, ReviewPage.Password);
        browser.Wait(d => d.Url.EndsWith($"/flags/{logoCopy}", StringComparison.Ordinal));

        // Both pictures load (from the page's own address, under its img-src 'self' policy) and are drawn.
        foreach (var id in new[] { "account-picture", "council-logo" })
        {
            Assert.True(browser.Wait(d => Convert.ToInt64(browser.Driver.ExecuteScript(
                $"const i = document.getElementById('{id}'); return i && i.complete ? i.naturalWidth : 0;"), System.Globalization.CultureInfo.InvariantCulture) > 0), id);
        }
        Assert.Equal($"/avatar/{await AccountAsync("seafront_ss9")}", new Uri(browser.Find("#account-picture").GetAttribute("src")!).AbsolutePath);
        Assert.Matches(@"looks \d+% like the council's logo", browser.Find(".similarity").Text);
        Assert.Contains("fetched", browser.Find(".logos figcaption").Text, StringComparison.Ordinal);
        Assert.DoesNotContain("not kept", browser.Find(".logos").Text, StringComparison.Ordinal);
        browser.Screenshot("review-flag-logo.png");
    }

    private async Task<long> AccountAsync(string handle)
    {
        await using var connection = new NpgsqlConnection(_db);
        return await connection.ExecuteScalarAsync<long>("SELECT id FROM accounts WHERE handle = @handle", new { handle });
    }
}
