using AlexaLinkHub.Application.Accounts;
using AlexaLinkHub.Application.Common.Interfaces;
using AlexaLinkHub.Application.Common.Tenancy;
using AlexaLinkHub.Web.Tenancy;
using Mediator;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace AlexaLinkHub.Web.Pages.Tenant;

/// <summary>"My linked skills": which skills are linked with what access, unlink one, change the password, sign out.</summary>
public sealed class AccountModel(ISender sender, ICurrentActor actor, LinkFlow flow, EndUserSessions sessions, IStringLocalizer<SharedResource> text) : PageModel
{
    private static readonly Dictionary<string, string> s_fields = new() { ["NewPassword"] = "NewPassword" };

    public IReadOnlyList<MyLinkedSkill> Skills { get; private set; } = [];

    /// <summary>The external providers the user signs in with (disconnect, unless it is the last way in).</summary>
    public MyExternalLogins External { get; private set; } = new([], HasPassword: true);
    public string? Message { get; private set; }

    [BindProperty]
    public string? CurrentPassword { get; set; }

    [BindProperty]
    public string? NewPassword { get; set; }

    public async Task<IActionResult> OnGetAsync() => SignedIn ? await ShowAsync() : ToLogin();

    public async Task<IActionResult> OnPostUnlinkAsync(string clientId)
    {
        if (!SignedIn)
            return ToLogin();
        var result = await sender.Send(new UnlinkSkill(clientId ?? string.Empty));
        Message = result.RevokedLinks > 0 ? text["Account.Unlinked"].Value : null;
        return await ShowAsync();
    }

    public async Task<IActionResult> OnPostDisconnectAsync(string provider)
    {
        if (!SignedIn)
            return ToLogin();
        var disconnected = await sender.Send(new DisconnectExternalLogin(provider ?? string.Empty));
        Message = disconnected ? text["Account.Disconnected"].Value : text["Account.LastSignIn"].Value;
        return await ShowAsync();
    }

    public async Task<IActionResult> OnPostPasswordAsync()
    {
        if (!SignedIn)
            return ToLogin();
        var changed = false;
        var refused = await PageMessages.TryAsync(ModelState, async () => changed = await sender.Send(new ChangePassword { CurrentPassword = CurrentPassword ?? string.Empty, NewPassword = NewPassword ?? string.Empty }), text, s_fields);
        if (refused is null && changed)
        {
            // The new password changed the security stamp, which ended every session — this one is renewed.
            await sessions.StartAsync(HttpContext, actor.EndUserId!.Value);
            Message = text["Account.PasswordChanged"].Value;
        }
        else if (refused is null)
        {
            ModelState.AddModelError(nameof(CurrentPassword), text["Account.CurrentPasswordWrong"]);
        }
        return await ShowAsync();
    }

    public async Task<IActionResult> OnPostSignOutAsync()
    {
        await sessions.EndAsync(HttpContext);
        return LocalRedirect(flow.PageUrl(TenantPaths.Login, returnUrl: null));
    }

    /// <summary>Ends every session of the account (the security stamp changes), this one included.</summary>
    public async Task<IActionResult> OnPostEndSessionsAsync()
    {
        if (!SignedIn)
            return ToLogin();
        await sender.Send(new SignOutEverywhere());
        await sessions.EndAsync(HttpContext);
        return LocalRedirect(flow.PageUrl(TenantPaths.Login, returnUrl: null));
    }

    private bool SignedIn => actor.EndUserId is not null;

    private IActionResult ToLogin() => Redirect(flow.PageUrl(TenantPaths.Login, flow.PageUrl(TenantPaths.Account, returnUrl: null)));

    private async Task<IActionResult> ShowAsync()
    {
        Skills = await sender.Send(new ListMyLinkedSkills());
        External = await sender.Send(new ListMyExternalLogins());
        CurrentPassword = null;
        NewPassword = null;
        return Page();
    }
}
