using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace SocialWatch.Worker.Web.Pages;

/// <summary>The list: open flags newest first, narrowed by the filters in the address.</summary>
// Public only because the compiled page exposes its model; its data stays internal.
public sealed class IndexModel : PageModel
{
    internal FlagFilter Filter { get; private set; } = new();

    internal IReadOnlyList<FlagRow> Rows { get; private set; } = [];

    internal TimeZoneInfo Zone { get; private set; } = TimeZoneInfo.Utc;

    public async Task OnGetAsync(string? status, string? rule, string? platform, DateOnly? from, DateOnly? to, string? account, CancellationToken ct)
    {
        Filter = new FlagFilterQuery(status, rule, platform, from, to, account).ToFilter();
        Zone = HttpContext.RequestServices.GetRequiredService<IOptions<Alerts.AlertsOptions>>().Value.DigestZone();
        Rows = await HttpContext.RequestServices.GetRequiredService<FlagDesk>().ListAsync(Filter, FlagDesk.PageLimit, ct);
    }
}
