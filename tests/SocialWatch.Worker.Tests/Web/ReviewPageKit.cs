using System.Net;
using System.Text.RegularExpressions;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using SocialWatch.Worker.Web;

namespace SocialWatch.Worker.Tests.Web;

/// <summary>The real worker host with the review page switched on, on a free loopback port. Only the
/// page is started (not the scheduler): the test drives polling itself.</summary>
internal sealed partial class ReviewPage : IAsyncDisposable
{
    public const string Clerk = "Jane Clerk";
    public const string Password = "correct horse battery staple";

    private ReviewPage(IHost host, ReviewSite site)
    {
        Host = host;
        Site = site;
    }

    public IHost Host { get; }

    public ReviewSite Site { get; }

    public Uri BaseUrl => new(Site.Addresses.First(a => a.StartsWith("http://127.0.0.1", StringComparison.Ordinal)));

    public static async Task<ReviewPage> StartAsync(Dictionary<string, string?> settings, int lockoutFailures = 5, int attemptsPerMinute = 100)
    {
        settings["Web:Enabled"] = "true";
        settings["Web:Urls"] = "http://127.0.0.1:0";
        settings["Web:LockoutFailures"] = lockoutFailures.ToString(System.Globalization.CultureInfo.InvariantCulture);
        settings["Web:SignInAttemptsPerMinute"] = attemptsPerMinute.ToString(System.Globalization.CultureInfo.InvariantCulture);
        var host = TestHosts.Build(settings);
        var site = host.Services.GetRequiredService<ReviewSite>();
        await site.StartAsync(CancellationToken.None);
        var page = new ReviewPage(host, site);
        await host.Services.GetRequiredService<ClerkLogins>().AddAsync(Clerk, Password, replace: false, CancellationToken.None);
        return page;
    }

    /// <summary>An HTTP client with its own cookie jar that does not follow redirects.</summary>
    public HttpClient Client(CookieContainer? cookies = null) =>
        new(new HttpClientHandler { CookieContainer = cookies ?? new CookieContainer(), AllowAutoRedirect = false }) { BaseAddress = BaseUrl };

    /// <summary>Signs in the way the form does (antiforgery token included); returns the response.</summary>
    public static async Task<HttpResponseMessage> SignInAsync(HttpClient client, string name, string password)
    {
        var form = await client.GetStringAsync("/signin");
        return await client.PostAsync("/signin", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__token"] = Token(form),
            ["name"] = name,
            ["password"] = password,
        }));
    }

    public static string Token(string html) => TokenField().Match(html) is { Success: true } m ? m.Groups[1].Value
        : throw new InvalidOperationException("no antiforgery token in the page");

    [GeneratedRegex("name=\"__token\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex TokenField();

    public async ValueTask DisposeAsync()
    {
        await Site.StopAsync(CancellationToken.None);
        await Site.DisposeAsync();
        Host.Dispose();
    }
}
