using OpenQA.Selenium;
using OpenQA.Selenium.Chrome;
using OpenQA.Selenium.Support.UI;

namespace SocialWatch.Worker.Tests.Web;

/// <summary>Debian's headless Chromium, driven through its own chromedriver (no browser download):
/// a fresh profile per test, nothing phoning home.</summary>
internal sealed class Browser : IDisposable
{
    public const string Chromium = "/usr/bin/chromium";
    public const string ChromeDriver = "/usr/bin/chromedriver";

    private readonly string _profile = Directory.CreateTempSubdirectory("socialwatch-chromium-").FullName;

    public Browser(int width = 1200, int height = 900)
    {
        if (!File.Exists(Chromium) || !File.Exists(ChromeDriver))
        {
            throw new InvalidOperationException($"{Chromium} and {ChromeDriver} are needed: apt-get install -y chromium chromium-driver (.ci/run does it)");
        }
        var service = ChromeDriverService.CreateDefaultService(Path.GetDirectoryName(ChromeDriver)!, Path.GetFileName(ChromeDriver));
        service.HideCommandPromptWindow = true;
        service.SuppressInitialDiagnosticInformation = true;
        var options = new ChromeOptions { BinaryLocation = Chromium };
        options.AddArguments(
            "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
            "--disable-sync", "--no-first-run", "--disable-dev-shm-usage", "--lang=en-GB", $"--window-size={width},{height}", $"--user-data-dir={_profile}");
        // Generous: the machine running the tests may be busy with other builds.
        Driver = new ChromeDriver(service, options, TimeSpan.FromSeconds(180));
    }

    public ChromeDriver Driver { get; }

    public void Go(Uri url) => Driver.Navigate().GoToUrl(url);

    public IWebElement Find(string css) => Driver.FindElement(By.CssSelector(css));

    public IReadOnlyCollection<IWebElement> FindAll(string css) => Driver.FindElements(By.CssSelector(css));

    /// <summary>Waits (up to 10 s) for a condition the page should reach, instead of sleeping.</summary>
    public T Wait<T>(Func<IWebDriver, T> condition) => new WebDriverWait(Driver, TimeSpan.FromSeconds(30)).Until(condition);

    public void SignIn(string name, string password)
    {
        Find("#name").Clear();
        Find("#name").SendKeys(name);
        Find("#password").SendKeys(password);
        Find("form button[type=submit]").Click();
    }

    /// <summary>Saves the page as <paramref name="name"/>: into docs/screenshots, the pictures the README and the
    /// clerk's guide show, only when SOCIALWATCH_UPDATE_SCREENSHOTS is 1; otherwise into a temporary folder, so that
    /// a test run leaves the work tree as it found it.</summary>
    public void Screenshot(string name)
    {
        var folder = Environment.GetEnvironmentVariable("SOCIALWATCH_UPDATE_SCREENSHOTS") == "1"
            ? Path.Combine(TestHosts.RepoRoot(), "docs", "screenshots")
            : Path.Combine(Path.GetTempPath(), "socialwatch-screenshots");
        Directory.CreateDirectory(folder);
        Driver.GetScreenshot().SaveAsFile(Path.Combine(folder, name));
    }

    public void Dispose()
    {
        Driver.Quit();
        Driver.Dispose();
        try
        {
            Directory.Delete(_profile, recursive: true);
        }
        catch (IOException)
        {
            // Chromium may still be closing a file; the folder is under the temp directory.
        }
    }
}
