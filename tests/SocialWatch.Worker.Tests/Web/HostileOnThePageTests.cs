using OpenQA.Selenium;
using SocialWatch.Worker.Tests.Hostile;
using static SocialWatch.Worker.Tests.Alerts.AlertTestKit;

namespace SocialWatch.Worker.Tests.Web;

/// <summary>
/// Every record of the hostile-input set, flagged and shown on the review page in a real browser: no
/// script runs (no dialog opens, no script element exists, no event attribute), nothing is loaded from
/// anywhere but the page itself, no javascript: link exists, and the page stays within the screen.
/// </summary>
public sealed class HostileOnThePageTests
{
    [Fact]
    public async Task Every_hostile_post_and_profile_is_shown_inert_in_the_list_and_on_its_own_page()
    {
        var db = await TestDatabase.CreateAsync();
        var flags = new List<(string Name, long Id)>();
        foreach (var (name, text) in HostileCorpus.Posts)
        {
            var account = await AccountAsync(db, "hostile_" + flags.Count, "<b onmouseover=alert(1)>" + name + "</b>");
            var post = await PostAsync(db, account, Worker.Storage.StoredText.Clean(text), url: "javascript:alert(document.cookie)");
            // Evidence pointing into the text, as the rules write it, so the highlighting runs over it too.
            var evidence = System.Text.Json.JsonSerializer.Serialize(new
            {
                summary = "<script>alert('summary')</script> " + name,
                claim = new { kind = "claim_sentence", start = 0, length = 5 },
            });
            flags.Add((name, (await AddFlagAsync(db, Flag(account, post, rule: "misrepresentation", evidence: evidence)))!.Value));
        }
        foreach (var (name, handle, displayName, bio) in HostileCorpus.Profiles)
        {
            var account = await AccountAsync(db, Worker.Storage.StoredText.Clean(handle), Worker.Storage.StoredText.Clean(displayName), Worker.Storage.StoredText.Clean(bio));
            flags.Add((name, (await AddFlagAsync(db, Flag(account, null, evidence: """{"logo": {"image_distance": 6}, "summary": "<img src=https://evil.example/x.png>"}""")))!.Value));
        }
        await using var page = await ReviewPage.StartAsync(Settings(db));
        using var browser = new Browser(width: 390, height: 844);
        browser.Go(new Uri(page.BaseUrl, "/signin"));
        browser.SignIn(ReviewPage.Clerk, ReviewPage.Password);
        browser.Wait(d => d.FindElements(By.CssSelector("#flags")).Count == 1);
        Assert.Equal(flags.Count, browser.FindAll("#flags li").Count);
        AssertInert(browser, page.BaseUrl, "the list");

        foreach (var (name, id) in flags)
        {
            try
            {
                browser.Go(new Uri(page.BaseUrl, $"/flags/{id}"));
                browser.Wait(d => d.FindElements(By.CssSelector("#flag")).Count == 1);
            }
            catch (WebDriverException e)
            {
                throw new InvalidOperationException($"the page of \"{name}\" (flag {id}) did not load: {e.Message}", e);
            }
            AssertInert(browser, page.BaseUrl, name);
        }
    }

    private static void AssertInert(Browser browser, Uri site, string what)
    {
        var driver = browser.Driver;
        try
        {
            var alert = driver.SwitchTo().Alert();
            Assert.Fail($"{what}: a script opened a dialog: {alert.Text}");
        }
        catch (NoAlertPresentException)
        {
            // As it should be.
        }
        Assert.Equal(0L, driver.ExecuteScript("return document.scripts.length"));
        Assert.Equal(0L, driver.ExecuteScript(
            "return [...document.querySelectorAll('*')].filter(e => [...e.attributes].some(a => a.name.startsWith('on'))).length"));
        Assert.Equal(0L, driver.ExecuteScript("return document.querySelectorAll('iframe, object, embed, [href^=\"javascript:\" i], [src^=\"javascript:\" i]').length"));
        var resources = ((IReadOnlyCollection<object>)driver.ExecuteScript("return performance.getEntriesByType('resource').map(r => r.name)")!).Cast<string>().ToList();
        Assert.All(resources, r => Assert.StartsWith(site.GetLeftPart(UriPartial.Authority), r, StringComparison.Ordinal));
        var images = ((IReadOnlyCollection<object>)driver.ExecuteScript("return [...document.images].map(i => i.getAttribute('src'))")!).Cast<string>().ToList();
        Assert.All(images, src => Assert.StartsWith("/logo/", src, StringComparison.Ordinal));
        Assert.True((bool)driver.ExecuteScript("return document.documentElement.scrollWidth <= window.innerWidth")!, $"{what}: wider than a phone screen");
        var text = (string)driver.ExecuteScript("return document.body.innerText")!;
        Assert.DoesNotContain('\u202E', text);
        Assert.DoesNotContain('\u2066', text);
    }
}
