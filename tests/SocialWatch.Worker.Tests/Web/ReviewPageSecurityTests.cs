using System.Net;
using Npgsql;
using SocialWatch.Worker.Web;
using static SocialWatch.Worker.Tests.Alerts.AlertTestKit;

namespace SocialWatch.Worker.Tests.Web;

/// <summary>What the review page refuses: strangers, forged forms, password guessing, and more rights
/// than the clerk's database role has.</summary>
public sealed class ReviewPageSecurityTests
{
    [Fact]
    public async Task Only_sign_in_and_the_stylesheet_answer_without_signing_in_and_every_response_has_the_strict_headers()
    {
        var db = await TestDatabase.CreateAsync();
        var flag = await FlaggedPostAsync(db);
        await using var page = await ReviewPage.StartAsync(Settings(db));
        using var client = page.Client();

        foreach (var path in new[] { "/", $"/flags/{flag}", "/export.csv", "/export.csv?status=any", "/logo/0", "/flags/999999", "/anything" })
        {
            using var response = await client.GetAsync(path);
            Assert.True(response.StatusCode == HttpStatusCode.Redirect, $"{path}: {response.StatusCode}");
            Assert.StartsWith("/signin", response.Headers.Location!.PathAndQuery, StringComparison.Ordinal);
            AssertHeaders(response);
        }
        using var post = await client.PostAsync($"/flags/{flag}", new FormUrlEncodedContent(new Dictionary<string, string> { ["status"] = "dismissed" }));
        Assert.NotEqual(HttpStatusCode.OK, post.StatusCode);
        Assert.Equal("open", await ScalarAsync<string>(db, "SELECT status FROM flags WHERE id = @flag", new { flag }));

        foreach (var path in new[] { "/signin", "/site.css" })
        {
            using var response = await client.GetAsync(path);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            AssertHeaders(response);
        }
    }

    private static void AssertHeaders(HttpResponseMessage response)
    {
        Assert.Equal(SecurityHeaders.ContentSecurityPolicy, Assert.Single(response.Headers.GetValues("Content-Security-Policy")));
        Assert.Contains("default-src 'none'", SecurityHeaders.ContentSecurityPolicy, StringComparison.Ordinal);
        Assert.DoesNotContain("script-src", SecurityHeaders.ContentSecurityPolicy, StringComparison.Ordinal);
        Assert.Equal("nosniff", Assert.Single(response.Headers.GetValues("X-Content-Type-Options")));
        Assert.Equal("no-referrer", Assert.Single(response.Headers.GetValues("Referrer-Policy")));
        Assert.Equal("DENY", Assert.Single(response.Headers.GetValues("X-Frame-Options")));
    }

    [Fact]
    public async Task The_session_cookie_is_http_only_and_same_site_strict_and_forms_without_the_antiforgery_token_are_refused()
    {
        var db = await TestDatabase.CreateAsync();
        var flag = await FlaggedPostAsync(db);
        await using var page = await ReviewPage.StartAsync(Settings(db));
        var cookies = new CookieContainer();
        using var client = page.Client(cookies);

        using var signedIn = await ReviewPage.SignInAsync(client, ReviewPage.Clerk, ReviewPage.Password);
        Assert.Equal(HttpStatusCode.Redirect, signedIn.StatusCode);
        var session = Assert.Single(signedIn.Headers.GetValues("Set-Cookie"), c => c.StartsWith("socialwatch.clerk=", StringComparison.Ordinal));
        Assert.Contains("httponly", session, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("samesite=strict", session, StringComparison.OrdinalIgnoreCase);

        // Signed in, but a form posted without the page's token (as another site would) changes nothing.
        using var forged = await client.PostAsync($"/flags/{flag}", new FormUrlEncodedContent(new Dictionary<string, string> { ["status"] = "dismissed", ["note"] = "forged" }));
        Assert.Equal(HttpStatusCode.BadRequest, forged.StatusCode);
        Assert.Equal("open", await ScalarAsync<string>(db, "SELECT status FROM flags WHERE id = @flag", new { flag }));

        // With the token it is recorded, in her name.
        var form = await client.GetStringAsync($"/flags/{flag}");
        using var real = await client.PostAsync($"/flags/{flag}", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__token"] = ReviewPage.Token(form), ["status"] = "acknowledged", ["note"] = "Looking into it",
        }));
        Assert.Equal(HttpStatusCode.Redirect, real.StatusCode);
        Assert.Equal($"acknowledged|{ReviewPage.Clerk}|Looking into it", await ScalarAsync<string>(db, "SELECT concat_ws('|', status, reviewed_by, review_note) FROM flags WHERE id = @flag", new { flag }));
    }

    [Fact]
    public async Task Password_guessing_is_rate_limited_per_address()
    {
        var db = await TestDatabase.CreateAsync();
        await using var page = await ReviewPage.StartAsync(Settings(db), lockoutFailures: 100, attemptsPerMinute: 4);
        using var client = page.Client();
        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 6; i++)
        {
            using var response = await ReviewPage.SignInAsync(client, "nobody", "guess " + i);
            statuses.Add(response.StatusCode);
        }
        Assert.Equal([HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.TooManyRequests, HttpStatusCode.TooManyRequests], statuses);
        // Reading the form is not limited.
        using var form = await client.GetAsync("/signin");
        Assert.Equal(HttpStatusCode.OK, form.StatusCode);
    }

    [Fact]
    public async Task The_page_reads_flags_as_the_clerk_role_so_taking_the_role_s_right_away_stops_it()
    {
        var db = await TestDatabase.CreateAsync();
        var flag = await FlaggedPostAsync(db);
        await using var page = await ReviewPage.StartAsync(Settings(db));
        using var client = page.Client();
        await ReviewPage.SignInAsync(client, ReviewPage.Clerk, ReviewPage.Password);
        using (var ok = await client.GetAsync($"/flags/{flag}"))
        {
            Assert.Equal(HttpStatusCode.OK, ok.StatusCode);
        }

        // The worker's own login still reads flags; only the clerk role loses the view.
        await using (var connection = new NpgsqlConnection(db))
        {
            await connection.OpenAsync();
            await using var revoke = new NpgsqlCommand("REVOKE SELECT ON flagged_posts FROM socialwatch_clerk", connection);
            await revoke.ExecuteNonQueryAsync();
        }
        // (A grant on a view belongs to this test's database alone; other tests keep theirs.)
        using var refused = await client.GetAsync($"/flags/{flag}");
        Assert.Equal(HttpStatusCode.InternalServerError, refused.StatusCode);
    }

    [Fact]
    public async Task Passwords_are_stored_as_identity_hashes_and_wrong_ones_lock_the_login_until_unlocked()
    {
        var db = await TestDatabase.CreateAsync();
        using var host = TestHosts.Build(Settings(db));
        var logins = host.Get<ClerkLogins>();
        Assert.True(await logins.AddAsync("Town Clerk", "a long enough password", replace: false, CancellationToken.None));
        Assert.False(await logins.AddAsync("town clerk", "another long password", replace: false, CancellationToken.None));
        await Assert.ThrowsAsync<ArgumentException>(() => logins.AddAsync("Short", "short", replace: false, CancellationToken.None));
        var hash = await ScalarAsync<string>(db, "SELECT password_hash FROM clerk_logins");
        Assert.DoesNotContain("a long enough password", hash, StringComparison.Ordinal);
        Assert.StartsWith("AQAAAA", hash, StringComparison.Ordinal); // Identity v3 format: PBKDF2 with its parameters

        var lockout = TimeSpan.FromMinutes(15);
        Assert.Equal(SignInOutcome.SignedIn, (await logins.SignInAsync("TOWN CLERK", "a long enough password", 3, lockout, default)).Outcome);
        Assert.Equal(SignInOutcome.Refused, (await logins.SignInAsync("Town Clerk", "wrong", 3, lockout, default)).Outcome);
        Assert.Equal(SignInOutcome.Refused, (await logins.SignInAsync("Town Clerk", "wrong", 3, lockout, default)).Outcome);
        Assert.Equal(SignInOutcome.Locked, (await logins.SignInAsync("Town Clerk", "wrong", 3, lockout, default)).Outcome);
        Assert.Equal(SignInOutcome.Locked, (await logins.SignInAsync("Town Clerk", "a long enough password", 3, lockout, default)).Outcome);
        Assert.Equal(SignInOutcome.Refused, (await logins.SignInAsync("Nobody", "a long enough password", 3, lockout, default)).Outcome);

        Assert.True(await logins.UnlockAsync("Town Clerk", default));
        Assert.Equal(SignInOutcome.SignedIn, (await logins.SignInAsync("Town Clerk", "a long enough password", 3, lockout, default)).Outcome);
    }

    [Fact]
    public void The_export_quotes_every_field_and_defuses_formulas()
    {
        Assert.Equal("\"'=HYPERLINK(\"\"https://evil.example\"\")\"", CsvExport.Field("=HYPERLINK(\"https://evil.example\")"));
        Assert.Equal("\"'+1\"", CsvExport.Field("+1"));
        Assert.Equal("\"'  -2\"", CsvExport.Field("  -2"));
        Assert.Equal("\"'@SUM(A1)\"", CsvExport.Field("@SUM(A1)"));
        Assert.Equal("\"'\tcmd\"", CsvExport.Field("\tcmd"));
        Assert.Equal("\"plain, with comma\nand line\"", CsvExport.Field("plain, with comma\nand line"));
    }
}
