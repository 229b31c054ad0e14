using System.Threading.RateLimiting;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Npgsql;
using SocialWatch.Rules;
using SocialWatch.Worker.Alerts;

namespace SocialWatch.Worker.Web;

/// <summary>
/// The review page, served from the worker's own process when Web:Enabled is on. It is a small
/// ASP.NET Core application of its own (Razor Pages, cookie sign-in), started and stopped with the
/// worker's host and sharing its database connection pool, clock, settings and logging.
/// </summary>
internal sealed partial class ReviewSite(IServiceProvider worker, ILogger<ReviewSite> logger) : IHostedService, IAsyncDisposable
{
    public const string SignInPolicy = "sign-in";

    private WebApplication? _app;

    /// <summary>Where it listens once started (the real port when Web:Urls asked for port 0).</summary>
    public IReadOnlyList<string> Addresses { get; private set; } = [];

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        _app = Build(worker);
        await _app.StartAsync(cancellationToken);
        Addresses = _app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()?.Addresses.ToList() ?? [];
        LogListening(logger, string.Join(", ", Addresses));
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        if (_app is not null)
        {
            await _app.StopAsync(cancellationToken);
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (_app is not null)
        {
            await _app.DisposeAsync();
        }
    }

    /// <summary>The site, wired to the worker's services.</summary>
    internal static WebApplication Build(IServiceProvider worker)
    {
        var options = worker.GetRequiredService<IOptions<WebOptions>>();
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions
        {
            // The compiled pages live in the worker's assembly, whatever process hosts it (tests too).
            ApplicationName = typeof(ReviewSite).Assembly.GetName().Name,
            ContentRootPath = AppContext.BaseDirectory,
            Args = [],
        });
        builder.WebHost.UseUrls(options.Value.Urls);
        builder.WebHost.ConfigureKestrel(k => k.AddServerHeader = false);
        builder.Logging.ClearProviders();
        builder.Services.AddSingleton(worker.GetRequiredService<ILoggerFactory>());
        builder.Services.AddSingleton(worker.GetRequiredService<NpgsqlDataSource>());
        builder.Services.AddSingleton(worker.GetRequiredService<TimeProvider>());
        builder.Services.AddSingleton(options);
        builder.Services.AddSingleton(worker.GetRequiredService<IOptions<AlertsOptions>>());
        builder.Services.AddSingleton(worker.GetRequiredService<IOptions<WatchOptions>>());
        builder.Services.AddSingleton(new LogoFiles(worker.GetRequiredService<IOptions<WatchOptions>>().Value, worker.GetRequiredService<IHostEnvironment>().ContentRootPath));
        builder.Services.AddSingleton<ClerkLogins>();
        builder.Services.AddSingleton<FlagDesk>();

        // The cookie keys live in the database: a restart does not sign the clerk out, and every worker of
        // a cluster reads the others' cookies. They are not encrypted at rest (there is no key to encrypt
        // them with that the database's own backups would not hold too); docs/security.md says so.
        builder.Services.AddDataProtection()
            .SetApplicationName("SocialWatch review page")
            .AddKeyManagementOptions(o => o.XmlRepository = new DatabaseKeyRepository(worker.GetRequiredService<NpgsqlDataSource>()));
        builder.Services.AddAuthentication(CookieAuthenticationDefaults.AuthenticationScheme).AddCookie(o =>
        {
            o.Cookie.Name = "socialwatch.clerk";
            o.Cookie.HttpOnly = true;
            o.Cookie.SameSite = SameSiteMode.Strict;
            o.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
            o.LoginPath = "/signin";
            o.LogoutPath = "/signout";
            o.AccessDeniedPath = "/signin";
            o.ExpireTimeSpan = options.Value.SessionLifetime;
            o.SlidingExpiration = true;
        });
        // Every endpoint needs a signed-in clerk unless it says otherwise (only sign-in and the stylesheet do).
        builder.Services.AddAuthorization(o => o.FallbackPolicy = new AuthorizationPolicyBuilder().RequireAuthenticatedUser().Build());
        builder.Services.AddAntiforgery(o =>
        {
            o.Cookie.Name = "socialwatch.antiforgery";
            o.Cookie.SameSite = SameSiteMode.Strict;
            o.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
            o.FormFieldName = "__token";
        });
        builder.Services.AddRazorPages(o => o.RootDirectory = "/Web/Pages");
        builder.Services.AddRateLimiter(o =>
        {
            o.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            // Only the password check is limited; reading the sign-in form is not.
            o.GlobalLimiter = PartitionedRateLimiter.Create<HttpContext, string>(context =>
                HttpMethods.IsPost(context.Request.Method) && context.Request.Path.StartsWithSegments("/signin", StringComparison.OrdinalIgnoreCase)
                    ? RateLimitPartition.GetFixedWindowLimiter(context.Connection.RemoteIpAddress?.ToString() ?? "unknown", _ => new FixedWindowRateLimiterOptions
                    {
                        PermitLimit = options.Value.SignInAttemptsPerMinute,
                        Window = TimeSpan.FromMinutes(1),
                        QueueLimit = 0,
                    })
                    : RateLimitPartition.GetNoLimiter("pages"));
        });

        var app = builder.Build();
        app.Use(SecurityHeaders.Add);
        app.UseStatusCodePages();
        app.UseRateLimiter();
        app.UseAuthentication();
        app.UseAuthorization();
        app.MapGet("/site.css", () => Results.Text(Stylesheet.Value, "text/css; charset=utf-8")).AllowAnonymous();
        app.MapGet("/logo/{index:int}", (int index, LogoFiles logos) => logos.Serve(index));
        app.MapGet("/avatar/{accountId:long}", async (long accountId, FlagDesk desk, HttpContext http, CancellationToken ct) =>
        {
            if (await desk.PictureAsync(accountId, ct) is not { } picture)
            {
                return Results.NotFound();
            }
            // A stranger's picture is personal data like the page: never in a shared cache (private) nor
            // on the clerk's disk (no-store), and only ever taken as the type its bytes were checked to be.
            http.Response.Headers.CacheControl = "private, no-store";
            http.Response.Headers.XContentTypeOptions = "nosniff";
            return Results.File(picture.Image, picture.ContentType);
        });
        app.MapGet("/export.csv", async ([AsParameters] FlagFilterQuery q, FlagDesk desk, CancellationToken ct) =>
        {
            var rows = await desk.ListAsync(q.ToFilter(), FlagDesk.ExportLimit, ct);
            return Results.File(System.Text.Encoding.UTF8.GetPreamble().Concat(System.Text.Encoding.UTF8.GetBytes(CsvExport.Write(rows))).ToArray(),
                "text/csv; charset=utf-8", $"socialwatch-flags-{DateTime.UtcNow:yyyyMMdd-HHmm}.csv");
        });
        app.MapRazorPages();
        return app;
    }

    private static readonly Lazy<string> Stylesheet = new(() =>
    {
        using var stream = typeof(ReviewSite).Assembly.GetManifestResourceStream("web.site.css")
            ?? throw new InvalidOperationException("the stylesheet web.site.css is not embedded");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    });

    [LoggerMessage(EventId = 900, Level = LogLevel.Information, Message = "Review page listening on {Addresses}")]
    private static partial void LogListening(ILogger logger, string addresses);
}

/// <summary>The list's filters as query-string parameters (the export reads the same ones).</summary>
internal sealed record FlagFilterQuery(string? Status, string? Rule, string? Platform, DateOnly? From, DateOnly? To, string? Account)
{
    public FlagFilter ToFilter() => new() { Status = Status, Rule = Rule, Platform = Platform, From = From, To = To, Account = Account };
}
