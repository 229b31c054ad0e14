using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace SocialWatch.Worker.Web.Pages;

// Public only because the compiled page (a public class) exposes its model; services are taken from the
// request, so no internal type reaches a public signature.
[AllowAnonymous]
public sealed partial class SignInModel : PageModel
{
    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    public string? Name { get; private set; }

    public string? Message { get; private set; }

    public void OnGet()
    {
        ReturnUrl = LocalOnly(ReturnUrl);
    }

    public async Task<IActionResult> OnPostAsync(string? name, string? password, CancellationToken ct)
    {
        ReturnUrl = LocalOnly(ReturnUrl);
        Name = name?.Trim();
        if (string.IsNullOrEmpty(Name) || string.IsNullOrEmpty(password) || Name.Length > 100 || password.Length > 1000)
        {
            Message = "Enter your name and password.";
            return Page();
        }
        var services = HttpContext.RequestServices;
        var o = services.GetRequiredService<IOptions<WebOptions>>().Value;
        var logger = services.GetRequiredService<ILogger<SignInModel>>();
        var result = await services.GetRequiredService<ClerkLogins>().SignInAsync(Name, password, o.LockoutFailures, o.LockoutDuration, ct);
        switch (result.Outcome)
        {
            case SignInOutcome.SignedIn:
                var identity = new ClaimsIdentity([new Claim(ClaimTypes.Name, result.Name)], CookieAuthenticationDefaults.AuthenticationScheme);
                await HttpContext.SignInAsync(CookieAuthenticationDefaults.AuthenticationScheme, new ClaimsPrincipal(identity));
                LogSignedIn(logger, result.Name);
                return LocalRedirect(ReturnUrl ?? "/");
            case SignInOutcome.Locked:
                LogLocked(logger, result.Name);
                Message = $"This login is locked after too many wrong passwords. Try again after {PageText.When(result.LockedUntil!.Value, services.GetRequiredService<IOptions<Alerts.AlertsOptions>>().Value.DigestZone())}, or ask IT support to unlock it.";
                return Page();
            default:
                LogRefused(logger);
                Message = "That name and password do not match a login.";
                return Page();
        }
    }

    /// <summary>Only a path on this site, so a crafted link cannot send the clerk elsewhere after sign-in.</summary>
    private string? LocalOnly(string? url) => url is { Length: > 0 } && Url.IsLocalUrl(url) ? url : null;

    [LoggerMessage(EventId = 901, Level = LogLevel.Information, Message = "Clerk {Name} signed in to the review page")]
    private static partial void LogSignedIn(ILogger logger, string name);

    [LoggerMessage(EventId = 902, Level = LogLevel.Warning, Message = "A review page sign-in was refused (wrong name or password)")]
    private static partial void LogRefused(ILogger logger);

    [LoggerMessage(EventId = 903, Level = LogLevel.Warning, Message = "Review page login {Name} is locked after repeated wrong passwords")]
    private static partial void LogLocked(ILogger logger, string name);
}
