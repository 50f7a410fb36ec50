using AlexaLinkHub.Application.Tenants;
using AlexaLinkHub.Web.Admin;
using Mediator;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace AlexaLinkHub.Web.Areas.Admin.Pages;

/// <summary>Where <c>/admin</c> leads: platform admins to the tenants list, the admin of one tenant straight to its
/// dashboard, the admin of several to a choice.</summary>
public sealed class IndexModel(ISender sender) : PageModel
{
    public IReadOnlyList<TenantSummary> Tenants { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync()
    {
        if (HttpContext.AdminSession().IsPlatformAdmin)
            return LocalRedirect(AdminPaths.Tenants);
        Tenants = await sender.Send(new ListAdministeredTenants());
        return Tenants.Count == 1 ? LocalRedirect(AdminPaths.Tenant(Tenants[0].Slug)) : Page();
    }
}
