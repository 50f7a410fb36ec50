using AlexaLinkHub.Application.Admins;
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

    public IReadOnlyList<TenantAdminDto> Admins { get; private set; } = [];
    public string? Notice { get; private set; }

    public async Task OnGetAsync() => Admins = await sender.Send(new ListTenantAdmins());

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
        Admins = await sender.Send(new ListTenantAdmins());
        return Page();
    }
}
