using System.Globalization;
using System.Text;
using AlexaLinkHub.Application.Audit;
using AlexaLinkHub.Application.Common.Models;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.WebUtilities;

namespace AlexaLinkHub.Web.Admin;

/// <summary>An audit log page (a tenant's, or the platform's own events): filter by date (whole UTC days), action,
/// actor and target; the same filters export CSV. Filters are in the URL (a GET form), so a filtered view can be
/// bookmarked or shared.</summary>
public abstract class AuditLogPageModel(TimeProvider clock) : PageModel
{
    public const int PageSize = 50;

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

    /// <summary>A page's newer or older cursor (keyset paging, ADR 020).</summary>
    [FromQuery(Name = "after")]
    public string? After { get; set; }

    public Page<AuditEventDto> Events { get; private set; } = new([], 1, PageSize, 0);

    /// <summary>The page's own address, without a query.</summary>
    public abstract string BasePath { get; }

    /// <summary>Names the downloaded file: <c>audit-{name}-{time}.csv</c>.</summary>
    protected abstract string ExportName { get; }

    public string ExportUrl => AuditUrl("Export", null);

    protected abstract Task<Page<AuditEventDto>> ListAsync(AuditFilter filter, string? after, int pageSize);

    protected abstract Task<AuditExport> ExportAsync(AuditFilter filter);

    public async Task OnGetAsync() =>
        await AdminForm.TryAsync(ModelState, async () => Events = await ListAsync(Filter(), After, PageSize), prefix: string.Empty);

    public async Task<IActionResult> OnGetExportAsync()
    {
        AuditExport? export = null;
        if (!await AdminForm.TryAsync(ModelState, async () => export = await ExportAsync(Filter()), prefix: string.Empty))
            return BadRequest(string.Join(" ", ModelState.AllErrors()));
        var name = $"audit-{ExportName}-{clock.GetUtcNow().UtcDateTime.ToString("yyyyMMdd-HHmm", CultureInfo.InvariantCulture)}.csv";
        // A UTF-8 byte order mark, so spreadsheet programs read names in any script correctly.
        return File(Encoding.UTF8.GetPreamble().Concat(Encoding.UTF8.GetBytes(export!.Csv)).ToArray(), "text/csv; charset=utf-8", name);
    }

    public string PageUrl(string cursor) => AuditUrl(null, cursor);

    private AuditFilter Filter() => new(Start(From), End(To), Blank(Actor), Blank(Action), Blank(Target));

    private string AuditUrl(string? handler, string? cursor)
    {
        var query = new Dictionary<string, string?>
        {
            ["from"] = From?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            ["to"] = To?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            ["action"] = Blank(Action),
            ["actor"] = Blank(Actor),
            ["target"] = Blank(Target),
            ["after"] = cursor,
            ["handler"] = handler,
        }.Where(p => !string.IsNullOrEmpty(p.Value));
        return QueryHelpers.AddQueryString(BasePath, query);
    }

    private static DateTimeOffset? Start(DateOnly? day) => day is { } d ? new DateTimeOffset(d.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero) : null;

    private static DateTimeOffset? End(DateOnly? day) => day is { } d ? new DateTimeOffset(d.ToDateTime(TimeOnly.MaxValue), TimeSpan.Zero) : null;

    private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
