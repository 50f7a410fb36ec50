using System.Globalization;
using System.Text;
using AlexaLinkHub.Application.Dashboard;
using AlexaLinkHub.Application.Linking;
using AlexaLinkHub.Web.Admin;
using AlexaLinkHub.Application.Skills;
using AlexaLinkHub.Application.Tenants;
using Mediator;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace AlexaLinkHub.Web.Areas.Admin.Pages.Tenant;

/// <summary>The tenant at a glance over 7, 30 or 90 days (<c>?days=</c>, downloadable as CSV), and the incident button:
/// revoke every token of the tenant after typing its slug.</summary>
public sealed class DashboardModel(ISender sender, TimeProvider clock) : PageModel
{
    [FromRoute]
    public string Slug { get; set; } = string.Empty;

    [FromQuery(Name = "days")]
    public int Days { get; set; } = GetDashboard.DefaultDays;

    [BindProperty]
    public string? Confirmation { get; set; }

    public string? Notice { get; private set; }

    public TenantDto Tenant { get; private set; } = null!;
    public DashboardDto Dashboard { get; private set; } = null!;
    public int SkillCount { get; private set; }
    public string LoginUrl => $"{Tenant.Issuer}/login";

    public string RangeUrl(int days) => $"{AdminPaths.Tenant(Slug)}?days={days.ToString(CultureInfo.InvariantCulture)}";

    public string CsvUrl => $"{AdminPaths.Tenant(Slug)}?handler=Csv&days={Dashboard.RangeDays.ToString(CultureInfo.InvariantCulture)}";

    public Task OnGetAsync() => LoadAsync();

    public async Task<IActionResult> OnGetCsvAsync()
    {
        string? csv = null;
        if (!await AdminForm.TryAsync(ModelState, async () => csv = await sender.Send(new ExportDashboard { Days = Days }), prefix: string.Empty))
            return BadRequest(string.Join(" ", ModelState.AllErrors()));
        var name = $"dashboard-{Slug}-{Days}d-{clock.GetUtcNow().UtcDateTime.ToString("yyyyMMdd-HHmm", CultureInfo.InvariantCulture)}.csv";
        return File(Encoding.UTF8.GetBytes(csv!), "text/csv; charset=utf-8", name);
    }

    public async Task<IActionResult> OnPostRevokeAllAsync()
    {
        RevokedCount? result = null;
        if (await AdminForm.TryAsync(ModelState, async () => result = await sender.Send(new RevokeTenantTokens { Slug = Slug, Confirmation = Confirmation ?? string.Empty }),
                prefix: string.Empty, aliases: new Dictionary<string, string> { ["confirmation"] = nameof(Confirmation) }))
            Notice = result!.Revoked == 1 ? "Revoked 1 linked account and its tokens." : $"Revoked {result.Revoked} linked accounts and their tokens.";
        await LoadAsync();
        return Page();
    }

    private async Task LoadAsync()
    {
        Tenant = await sender.Send(new GetTenant());
        // An unknown range (a hand-edited URL) shows the default one, with the message above it.
        if (!await AdminForm.TryAsync(ModelState, async () => Dashboard = await sender.Send(new GetDashboard { Days = Days }), prefix: string.Empty))
            Dashboard = await sender.Send(new GetDashboard());
        SkillCount = (await sender.Send(new ListSkills())).Count;
    }
}
