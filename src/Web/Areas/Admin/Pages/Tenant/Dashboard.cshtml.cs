using AlexaLinkHub.Application.Dashboard;
using AlexaLinkHub.Application.Skills;
using AlexaLinkHub.Application.Tenants;
using Mediator;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace AlexaLinkHub.Web.Areas.Admin.Pages.Tenant;

public sealed class DashboardModel(ISender sender) : PageModel
{
    public TenantDto Tenant { get; private set; } = null!;
    public DashboardDto Dashboard { get; private set; } = null!;
    public int SkillCount { get; private set; }
    public string LoginUrl => $"{Tenant.Issuer}/login";

    public async Task OnGetAsync()
    {
        Tenant = await sender.Send(new GetTenant());
        Dashboard = await sender.Send(new GetDashboard());
        SkillCount = (await sender.Send(new ListSkills())).Count;
    }
}
