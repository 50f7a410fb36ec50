using AlexaLinkHub.Application.Admins;
using AlexaLinkHub.Application.Tenants;
using AlexaLinkHub.Web.Admin;
using Mediator;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace AlexaLinkHub.Web.Areas.Admin.Pages.Tenant;

/// <summary>The tenant's team: invite with a role, change a role, disable or enable, remove, reset a lost second factor,
/// require second factors. Owners only — the application refuses the rest (a viewer's or an admin's POST is a 403).</summary>
public sealed class TeamModel(ISender sender) : PageModel
{
    [FromRoute]
    public string Slug { get; set; } = string.Empty;

    [BindProperty]
    public string? Email { get; set; }

    [BindProperty]
    public string? Role { get; set; }

    [BindProperty]
    public bool RequireMfa { get; set; }

    public IReadOnlyList<TenantAdminDto> Admins { get; private set; } = [];
    public bool AdminsMustUseMfa { get; private set; }
    public string? Notice { get; private set; }

    public Task OnGetAsync() => LoadAsync();

    public async Task<IActionResult> OnPostMfaAsync()
    {
        await sender.Send(new RequireAdminMfa(RequireMfa));
        return await ShowAsync(RequireMfa
            ? "Admins of this tenant must now use a second factor; those without one are asked to set it up at their next step."
            : "A second factor is no longer required for this tenant's admins.");
    }

    /// <summary>Lost device: removes a colleague's second factors (audited); they sign in with their password and set up again.</summary>
    public Task<IActionResult> OnPostResetMfaAsync(Guid id) =>
        ChangeAsync(new ResetAdminMfa(id), () => "Second factors reset: that admin's sessions ended, and they set up a new factor at their next sign-in.");

    public Task<IActionResult> OnPostRoleAsync(Guid id) =>
        ChangeAsync(new ChangeAdminRole(id, Role ?? string.Empty), () => $"{EmailOf(id)} is now {Role?.Trim().ToLowerInvariant()}.");

    public Task<IActionResult> OnPostDisableAsync(Guid id) =>
        ChangeAsync(new DisableTenantAdmin(id), () => $"{EmailOf(id)} can no longer administer this tenant (their other tenants are unchanged).");

    public Task<IActionResult> OnPostEnableAsync(Guid id) => ChangeAsync(new EnableTenantAdmin(id), () => $"{EmailOf(id)} can administer this tenant again.");

    public Task<IActionResult> OnPostRemoveAsync(Guid id) => ChangeAsync(new RemoveTenantAdmin(id), () => $"{EmailOf(id)} was removed from the team.");

    public async Task<IActionResult> OnPostAsync()
    {
        var outcome = InvitationOutcome.AlreadyAdmin;
        if (await AdminForm.TryAsync(ModelState, async () => outcome = await sender.Send(new InviteAdmin { Email = Email ?? string.Empty, Role = Role }), prefix: string.Empty,
                aliases: new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase) { ["email"] = "Email" }))
        {
            return await ShowAsync(outcome switch
            {
                InvitationOutcome.Invited => $"Invitation sent to {Email!.Trim()}.",
                InvitationOutcome.MembershipAdded => $"{Email!.Trim()} already has an admin account and can now administer this tenant too; we told them by email.",
                _ => $"{Email!.Trim()} is on this team already (change their role in the list).",
            });
        }
        return await ShowAsync(null);
    }

    /// <summary>Sends a change to the team; the notice names the member as the list showed them before the change.</summary>
    private async Task<IActionResult> ChangeAsync<TCommand>(TCommand command, Func<string> notice) where TCommand : ICommand
    {
        await LoadAsync();
        var done = await AdminForm.TryAsync(ModelState, () => sender.Send(command).AsTask(), prefix: string.Empty);
        return await ShowAsync(done ? notice() : null);
    }

    private async Task<IActionResult> ShowAsync(string? notice)
    {
        Notice = notice;
        await LoadAsync();
        return Page();
    }

    private string EmailOf(Guid id) => Admins.FirstOrDefault(a => a.Id == id)?.Email ?? "The admin";

    private async Task LoadAsync()
    {
        Admins = await sender.Send(new ListTenantAdmins());
        AdminsMustUseMfa = (await sender.Send(new GetTenant())).AdminsMustUseMfa;
    }
}
