using AlexaLinkHub.Application.Accounts;
using AlexaLinkHub.Web.Tenancy;
using FluentValidation;
using Mediator;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace AlexaLinkHub.Web.Pages.Tenant;

/// <summary>"My linked skills": which skills are linked with what access, unlink one, change the password, sign out.</summary>
public sealed class AccountModel(ISender sender, IStringLocalizer<SharedResource> text) : PageModel
{
    private static readonly Dictionary<string, string> s_fields = new() { ["NewPassword"] = "NewPassword" };

    public IReadOnlyList<MyLinkedSkill> Skills { get; private set; } = [];
    public string? Message { get; private set; }

    [BindProperty]
    public string? CurrentPassword { get; set; }

    [BindProperty]
    public string? NewPassword { get; set; }

    public async Task<IActionResult> OnGetAsync() => await SignedInAsync() ? await ShowAsync() : ToLogin();

    public async Task<IActionResult> OnPostUnlinkAsync(string clientId)
    {
        if (!await SignedInAsync())
            return ToLogin();
        var result = await sender.Send(new UnlinkSkill(clientId ?? string.Empty));
        Message = result.RevokedLinks > 0 ? text["Unlinked. The skill can no longer use your account."].Value : null;
        return await ShowAsync();
    }

    public async Task<IActionResult> OnPostPasswordAsync()
    {
        if (!await SignedInAsync())
            return ToLogin();
        try
        {
            var changed = await sender.Send(new ChangePassword { CurrentPassword = CurrentPassword ?? string.Empty, NewPassword = NewPassword ?? string.Empty });
            if (changed)
            {
                // The new password changed the security stamp, which ended every session — this one is renewed.
                await EndUserSession.SignInAsync(HttpContext, (await EndUserSession.CurrentUserAsync(HttpContext))!.Value);
                Message = text["Your password was changed."].Value;
            }
            else
            {
                ModelState.AddModelError(nameof(CurrentPassword), text["The current password is not correct."]);
            }
        }
        catch (ValidationException ex)
        {
            PageMessages.AddTo(ModelState, ex, text, s_fields);
        }
        return await ShowAsync();
    }

    public async Task<IActionResult> OnPostSignOutAsync()
    {
        await HttpContext.SignOutAsync(EndUserSession.Scheme);
        return LocalRedirect($"{Request.PathBase}/login");
    }

    /// <summary>Ends every session of the account (the security stamp changes), this one included.</summary>
    public async Task<IActionResult> OnPostEndSessionsAsync()
    {
        if (!await SignedInAsync())
            return ToLogin();
        await sender.Send(new SignOutEverywhere());
        await HttpContext.SignOutAsync(EndUserSession.Scheme);
        return LocalRedirect($"{Request.PathBase}/login");
    }

    private async Task<bool> SignedInAsync() => await EndUserSession.CurrentUserAsync(HttpContext) is not null;

    private IActionResult ToLogin() => Redirect(LinkFlow.PageUrl(HttpContext, "login", $"{Request.PathBase}/account"));

    private async Task<IActionResult> ShowAsync()
    {
        Skills = await sender.Send(new ListMyLinkedSkills());
        CurrentPassword = null;
        NewPassword = null;
        return Page();
    }
}
