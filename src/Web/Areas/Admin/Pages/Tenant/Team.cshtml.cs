using AlexaLinkHub.Application.Admins;
using AlexaLinkHub.Application.Tenants;
using AlexaLinkHub.Web.Admin;
using Mediator;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace AlexaLinkHub.Web.Areas.Admin.Pages.Tenant;

/// <summary>The tenant's team: invite with a role, change a role, disable or enable, remove, reset a lost second factor,
/// require second factors. Owners only — the application refuses the rest (a viewer's or an admin's POST is a 403).</summary>
public sealed class TeamModel(ISender sender, IStringLocalizer<SharedResource> text) : PageModel
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
            ? text["Console.MfaRequired"]
            : text["Console.MfaNotRequired"]);
    }

    /// <summary>Lost device: removes a colleague's second factors (audited); they sign in with their password and set up again.</summary>
    public Task<IActionResult> OnPostResetMfaAsync(Guid id) =>
        ChangeAsync(new ResetAdminMfa(id), () => text["Console.MfaReset"]);

    public Task<IActionResult> OnPostRoleAsync(Guid id) =>
        ChangeAsync(new ChangeAdminRole(id, Role ?? string.Empty), () => text["Console.RoleChanged", EmailOf(id), Role?.Trim().ToLowerInvariant() ?? string.Empty]);

    public Task<IActionResult> OnPostDisableAsync(Guid id) =>
        ChangeAsync(new DisableTenantAdmin(id), () => text["Console.AdminDisabled", EmailOf(id)]);

    public Task<IActionResult> OnPostEnableAsync(Guid id) => ChangeAsync(new EnableTenantAdmin(id), () => text["Console.AdminEnabled", EmailOf(id)]);

    public Task<IActionResult> OnPostRemoveAsync(Guid id) => ChangeAsync(new RemoveTenantAdmin(id), () => text["Console.AdminRemoved", EmailOf(id)]);

    public async Task<IActionResult> OnPostAsync()
    {
        var outcome = InvitationOutcome.AlreadyAdmin;
        if (await AdminForm.TryAsync(ModelState, async () => outcome = await sender.Send(new InviteAdmin { Email = Email ?? string.Empty, Role = Role }), prefix: string.Empty,
                aliases: new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase) { ["email"] = "Email" }, text: text))
        {
            return await ShowAsync(outcome switch
            {
                InvitationOutcome.Invited => text["Console.InvitationSent", Email!.Trim()],
                InvitationOutcome.MembershipAdded => text["Console.MembershipAdded", Email!.Trim()],
                _ => text["Console.AlreadyMember", Email!.Trim()],
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

    private string EmailOf(Guid id) => Admins.FirstOrDefault(a => a.Id == id)?.Email ?? text["Console.TheAdmin"];

    private async Task LoadAsync()
    {
        Admins = await sender.Send(new ListTenantAdmins());
        AdminsMustUseMfa = (await sender.Send(new GetTenant())).AdminsMustUseMfa;
    }
}
