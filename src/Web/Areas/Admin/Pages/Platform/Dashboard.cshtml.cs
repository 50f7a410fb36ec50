using AlexaLinkHub.Application.Dashboard;
using AlexaLinkHub.Web.Admin;
using Mediator;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace AlexaLinkHub.Web.Areas.Admin.Pages.Platform;

/// <summary>The platform at a glance for platform admins: tenants, links and failures across all tenants, job health.</summary>
public sealed class DashboardModel(ISender sender) : PageModel
{
    [FromQuery(Name = "days")]
    public int Days { get; set; } = GetDashboard.DefaultDays;

    public PlatformDashboardDto Dashboard { get; private set; } = null!;

    public async Task OnGetAsync()
    {
        if (!await AdminForm.TryAsync(ModelState, async () => Dashboard = await sender.Send(new GetPlatformDashboard { Days = Days }), prefix: string.Empty))
            Dashboard = await sender.Send(new GetPlatformDashboard());
    }
}
