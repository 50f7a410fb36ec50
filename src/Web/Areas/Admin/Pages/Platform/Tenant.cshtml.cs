using AlexaLinkHub.Application.Tenants;
using AlexaLinkHub.Web.Admin;
using Mediator;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace AlexaLinkHub.Web.Areas.Admin.Pages.Platform;

/// <summary>One tenant, for a platform admin: suspend or reactivate it, or offboard it after typing its slug.</summary>
public sealed class PlatformTenantModel(ISender sender, IStringLocalizer<SharedResource> text) : PageModel
{
    [FromRoute(Name = "tenant")]
    public string Slug { get; set; } = string.Empty;

    [BindProperty]
    public string? Confirmation { get; set; }

    public TenantDto Details { get; private set; } = null!;
    public string? Notice { get; private set; }

    public Task OnGetAsync() => LoadAsync();

    public async Task<IActionResult> OnPostSuspendAsync()
    {
        await LoadAsync();
        await sender.Send(new SuspendTenant());
        return await ShowAsync(text["Console.TenantSuspendedNotice"]);
    }

    public async Task<IActionResult> OnPostReactivateAsync()
    {
        await LoadAsync();
        await sender.Send(new ReactivateTenant());
        return await ShowAsync(text["Console.TenantReactivated"]);
    }

    public async Task<IActionResult> OnPostOffboardAsync()
    {
        // Sent from the platform scope: the offboarding is a platform event, not one of the tenant that disappears.
        if (await AdminForm.TryAsync(ModelState, () => sender.Send(new OffboardTenant { Slug = Slug, Confirmation = Confirmation ?? string.Empty }).AsTask(), prefix: string.Empty))
            return LocalRedirect($"{AdminPaths.Tenants}?offboarded={Uri.EscapeDataString(Slug)}");
        await LoadAsync();
        return Page();
    }

    private async Task<IActionResult> ShowAsync(string notice)
    {
        Details = await sender.Send(new GetTenant());
        Notice = notice;
        return Page();
    }

    /// <summary>Moves this request from the platform scope into the tenant's (a platform admin may enter any).</summary>
    private async Task LoadAsync()
    {
        await sender.Send(new EnterTenantScope(Slug));
        Details = await sender.Send(new GetTenant());
    }
}
