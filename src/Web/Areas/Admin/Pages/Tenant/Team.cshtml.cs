using AlexaLinkHub.Application.Admins;
using AlexaLinkHub.Application.Tenants;
using AlexaLinkHub.Web.Admin;
using Mediator;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace AlexaLinkHub.Web.Areas.Admin.Pages.Tenant;

public sealed class TeamModel(ISender sender) : PageModel
{
    [FromRoute]
    public string Slug { get; set; } = string.Empty;

    [BindProperty]
    public string? Email { get; set; }

    [BindProperty]
    public bool RequireMfa { get; set; }

    public IReadOnlyList<TenantAdminDto> Admins { get; private set; } = [];
    public bool AdminsMustUseMfa { get; private set; }
    public string? Notice { get; private set; }

    public Task OnGetAsync() => LoadAsync();

    public async Task<IActionResult> OnPostMfaAsync()
    {
        await sender.Send(new RequireAdminMfa(RequireMfa));
        Notice = RequireMfa
            ? "Admins of this tenant must now use a second factor; those without one are asked to set it up at their next step."
            : "A second factor is no longer required for this tenant's admins.";
        await LoadAsync();
        return Page();
    }

    /// <summary>Lost device: removes a colleague's second factors (audited); they sign in with their password and set up again.</summary>
    public async Task<IActionResult> OnPostResetMfaAsync(Guid id)
    {
        if (await AdminForm.TryAsync(ModelState, () => sender.Send(new ResetAdminMfa(id)).AsTask(), prefix: string.Empty))
            Notice = "Second factors reset: that admin's sessions ended, and they set up a new factor at their next sign-in.";
        await LoadAsync();
        return Page();
    }

    public async Task<IActionResult> OnPostAsync()
    {
        var outcome = InvitationOutcome.AlreadyAdmin;
        if (await AdminForm.TryAsync(ModelState, async () => outcome = await sender.Send(new InviteAdmin { Email = Email ?? string.Empty }), prefix: string.Empty,
                aliases: new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase) { ["email"] = "Email" }))
        {
            Notice = outcome switch
            {
                InvitationOutcome.Invited => $"Invitation sent to {Email!.Trim()}.",
                InvitationOutcome.MembershipAdded => $"{Email!.Trim()} already has an admin account and can now administer this tenant too; we told them by email.",
                _ => $"{Email!.Trim()} can administer this tenant already.",
            };
        }
        await LoadAsync();
        return Page();
    }

    private async Task LoadAsync()
    {
        Admins = await sender.Send(new ListTenantAdmins());
        AdminsMustUseMfa = (await sender.Send(new GetTenant())).AdminsMustUseMfa;
    }
}
