using System.Globalization;
using System.Text;
using AlexaLinkHub.Application.Audit;
using AlexaLinkHub.Application.Common.Models;
using AlexaLinkHub.Web.Admin;
using Mediator;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.WebUtilities;

namespace AlexaLinkHub.Web.Areas.Admin.Pages.Tenant;

/// <summary>The tenant's audit log: filter by date (whole UTC days), action, actor and target; the same filters export
/// CSV. Filters are in the URL (a GET form), so a filtered view can be bookmarked or shared.</summary>
public sealed class AuditModel(ISender sender, TimeProvider clock) : PageModel
{
    public const int PageSize = 50;

    [FromRoute]
    public string Slug { get; set; } = string.Empty;

    [FromQuery(Name = "from")]
    public DateOnly? From { get; set; }

    [FromQuery(Name = "to")]
    public DateOnly? To { get; set; }

    [FromQuery(Name = "actor")]
    public string? Actor { get; set; }

    [FromQuery(Name = "action")]
    public string? Action { get; set; }

    [FromQuery(Name = "target")]
    public string? Target { get; set; }

    [FromQuery(Name = "p")]
    public int? PageNumber { get; set; }

    public Page<AuditEventDto> Events { get; private set; } = new([], 1, PageSize, 0);

    public string ExportUrl => AuditUrl("Export", null);

    public async Task OnGetAsync()
    {
        var query = new ListAuditEvents { From = Start(From), To = End(To), Actor = Blank(Actor), Action = Blank(Action), Target = Blank(Target), Page = PageNumber, PageSize = PageSize };
        await AdminForm.TryAsync(ModelState, async () => Events = await sender.Send(query), prefix: string.Empty);
    }

    public async Task<IActionResult> OnGetExportAsync()
    {
        AuditExport? export = null;
        var query = new ExportAuditEvents { From = Start(From), To = End(To), Actor = Blank(Actor), Action = Blank(Action), Target = Blank(Target) };
        if (!await AdminForm.TryAsync(ModelState, async () => export = await sender.Send(query), prefix: string.Empty))
            return BadRequest(string.Join(" ", ModelState.AllErrors()));
        var name = $"audit-{Slug}-{clock.GetUtcNow().UtcDateTime.ToString("yyyyMMdd-HHmm", CultureInfo.InvariantCulture)}.csv";
        // A UTF-8 byte order mark, so spreadsheet programs read names in any script correctly.
        return File(Encoding.UTF8.GetPreamble().Concat(Encoding.UTF8.GetBytes(export!.Csv)).ToArray(), "text/csv; charset=utf-8", name);
    }

    public string PageUrl(int page) => AuditUrl(null, page);

    private string AuditUrl(string? handler, int? page)
    {
        var query = new Dictionary<string, string?>
        {
            ["from"] = From?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            ["to"] = To?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            ["action"] = Blank(Action),
            ["actor"] = Blank(Actor),
            ["target"] = Blank(Target),
            ["p"] = page?.ToString(CultureInfo.InvariantCulture),
            ["handler"] = handler,
        }.Where(p => !string.IsNullOrEmpty(p.Value));
        return QueryHelpers.AddQueryString($"{AdminPaths.Tenant(Slug)}/audit", query);
    }

    private static DateTimeOffset? Start(DateOnly? day) => day is { } d ? new DateTimeOffset(d.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero) : null;

    private static DateTimeOffset? End(DateOnly? day) => day is { } d ? new DateTimeOffset(d.ToDateTime(TimeOnly.MaxValue), TimeSpan.Zero) : null;

    private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
