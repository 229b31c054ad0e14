using System.Net;
using Dapper;
using Npgsql;
using static SocialWatch.Worker.Tests.Alerts.AlertTestKit;

namespace SocialWatch.Worker.Tests.Web;

/// <summary>The sign-in cookie's keys live in the database: a restart or another worker keeps the clerk signed in.</summary>
public sealed class SessionKeyTests
{
    [Fact]
    public async Task A_clerk_signed_in_stays_signed_in_after_the_worker_restarts_and_on_a_second_worker()
    {
        var db = await TestDatabase.CreateAsync();
        var settings = Settings(db);
        var cookies = new CookieContainer();

        Uri firstAddress;
        await using (var first = await ReviewPage.StartAsync(settings))
        {
            firstAddress = first.BaseUrl;
            using var client = first.Client(cookies);
            Assert.Equal(HttpStatusCode.Redirect, (await ReviewPage.SignInAsync(client, ReviewPage.Clerk, ReviewPage.Password)).StatusCode);
            Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/")).StatusCode);
        }

        // A new process of the worker on the same database (a restart, or another worker of the cluster):
        // the cookie issued by the first is accepted, without signing in again.
        await using var second = await ReviewPage.StartAsync(new Dictionary<string, string?>(settings));
        var carried = new CookieContainer();
        foreach (Cookie cookie in cookies.GetCookies(firstAddress))
        {
            carried.Add(second.BaseUrl, new Cookie(cookie.Name, cookie.Value));
        }

        using var again = second.Client(carried);
        var page = await again.GetAsync("/");
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Contains(ReviewPage.Clerk, await page.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        // And a browser that never signed in is still sent to sign-in.
        using var stranger = second.Client();
        Assert.Equal(HttpStatusCode.Redirect, (await stranger.GetAsync("/")).StatusCode);

        await using var connection = new NpgsqlConnection(db);
        Assert.True(await connection.ExecuteScalarAsync<long>("SELECT count(*) FROM review_page_keys") >= 1);
    }
}
