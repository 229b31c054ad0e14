using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using SocialWatch.Worker.Alerts;

namespace SocialWatch.Worker.Web.Pages;

/// <summary>One flag: the post with the evidence marked, the account, the contradicted statement, the
/// policy clause, the account's other flags, and the clerk's three decisions.</summary>
// Public only because the compiled page exposes its model; its data stays internal.
public sealed class FlagModel : PageModel
{
    internal FlagRow? Row { get; private set; }

    internal FlagEvidence? Evidence { get; private set; }

    internal IReadOnlyList<FlagRow> Earlier { get; private set; } = [];

    internal TimeZoneInfo Zone { get; private set; } = TimeZoneInfo.Utc;

    internal int LogoCount { get; private set; }

    /// <summary>When the account's kept picture was fetched; null when SocialWatch keeps none.</summary>
    internal DateTime? PictureFetchedAt { get; private set; }

    internal bool Saved { get; private set; }

    public async Task<IActionResult> OnGetAsync(long id, bool saved, CancellationToken ct)
    {
        Saved = saved;
        return await LoadAsync(id, ct) ? Page() : NotFound();
    }

    public async Task<IActionResult> OnPostAsync(long id, string? status, string? note, CancellationToken ct)
    {
        if (status is null || !FlagFilter.Statuses.Contains(status))
        {
            return BadRequest();
        }
        var desk = HttpContext.RequestServices.GetRequiredService<FlagDesk>();
        var reviewer = User.Identity?.Name ?? throw new InvalidOperationException("a signed-in clerk has a name");
        if (!await desk.ReviewAsync(id, status, note is { Length: > 4000 } ? note[..4000] : note, reviewer, ct))
        {
            return NotFound();
        }
        // Post/redirect/get: reloading the page does not record the decision twice.
        return Redirect($"/flags/{id}?saved=true");
    }

    private async Task<bool> LoadAsync(long id, CancellationToken ct)
    {
        var services = HttpContext.RequestServices;
        var desk = services.GetRequiredService<FlagDesk>();
        Row = await desk.FindAsync(id, ct);
        if (Row is null)
        {
            return false;
        }
        Evidence = FlagEvidence.Parse(Row.Evidence, Row.PostText);
        Earlier = await desk.EarlierAsync(Row, ct);
        Zone = services.GetRequiredService<IOptions<AlertsOptions>>().Value.DigestZone();
        LogoCount = services.GetRequiredService<LogoFiles>().Count;
        if (Evidence.LogoSimilarity is not null)
        {
            PictureFetchedAt = await desk.PictureFetchedAtAsync(Row.AccountId, ct);
        }
        return true;
    }
}
