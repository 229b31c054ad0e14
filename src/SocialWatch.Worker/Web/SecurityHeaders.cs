using Microsoft.AspNetCore.Http;

namespace SocialWatch.Worker.Web;

/// <summary>
/// The headers every response of the review page carries. The Content-Security-Policy allows the
/// page's own stylesheet and images and nothing else: no script at all (the page has none, so an
/// injected one cannot run), no remote images (a post cannot make the clerk's browser call out),
/// forms only back to the page, and no framing.
/// </summary>
internal static class SecurityHeaders
{
    public const string ContentSecurityPolicy =
        "default-src 'none'; style-src 'self'; img-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'";

    public static Task Add(HttpContext context, Func<Task> next)
    {
        var headers = context.Response.Headers;
        headers.ContentSecurityPolicy = ContentSecurityPolicy;
        headers.XContentTypeOptions = "nosniff";
        headers.XFrameOptions = "DENY";
        headers["Referrer-Policy"] = "no-referrer";
        headers["Cross-Origin-Opener-Policy"] = "same-origin";
        headers["Permissions-Policy"] = "camera=(), microphone=(), geolocation=()";
        // Flags are personal data: no shared cache keeps a copy.
        headers.CacheControl = "no-store";
        return next();
    }
}
