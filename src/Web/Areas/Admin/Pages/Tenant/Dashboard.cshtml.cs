using AlexaLinkHub.Application.Dashboard;
using AlexaLinkHub.Application.Linking;
using AlexaLinkHub.Web.Admin;
using AlexaLinkHub.Application.Skills;
using AlexaLinkHub.Application.Tenants;
using Mediator;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace AlexaLinkHub.Web.Areas.Admin.Pages.Tenant;

/// <summary>The tenant at a glance, and the incident button: revoke every token of the tenant after typing its slug.</summary>
public sealed class DashboardModel(ISender sender) : PageModel
{
    [FromRoute]
    public string Slug { get; set; } = string.Empty;

    [BindProperty]
    public string? Confirmation { get; set; }

    public string? Notice { get; private set; }

    public TenantDto Tenant { get; private set; } = null!;
    public DashboardDto Dashboard { get; private set; } = null!;
    public int SkillCount { get; private set; }
    public string LoginUrl => $"{Tenant.Issuer}/login";

    public Task OnGetAsync() => LoadAsync();

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
        Dashboard = await sender.Send(new GetDashboard());
        SkillCount = (await sender.Send(new ListSkills())).Count;
    }
}
