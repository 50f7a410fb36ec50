using AlexaLinkHub.Application.Accounts;
using AlexaLinkHub.Web.Tenancy;
using Mediator;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace AlexaLinkHub.Web.Pages.Tenant;

/// <summary>The page the reset email links to. Choosing a new password signs the user in and resumes the link flow that
/// was interrupted (the authorization request travels in returnUrl).</summary>
public sealed class ResetPasswordModel(ISender sender, LinkFlow flow, EndUserSessions sessions, IStringLocalizer<SharedResource> text) : PageModel
{
    private static readonly Dictionary<string, string> s_fields = new() { ["Password"] = "Password" };

    [BindProperty(SupportsGet = true)]
    public string? Token { get; set; }

    [BindProperty]
    public string? Password { get; set; }

    public bool InvalidLink { get; private set; }

    public async Task OnGetAsync() =>
        InvalidLink = string.IsNullOrEmpty(Token) || !await sender.Send(new CheckPasswordResetToken(Token));

    public async Task<IActionResult> OnPostAsync()
    {
        ResetPasswordOutcome? outcome = null;
        if (await PageMessages.TryAsync(ModelState, async () => outcome = await sender.Send(new ResetPassword { Token = Token ?? string.Empty, Password = Password ?? string.Empty }), text, s_fields) is not null)
            return Page();
        if (!outcome!.Succeeded)
        {
            InvalidLink = true;
            return Page();
        }
        await sessions.StartAsync(HttpContext, outcome.UserId!.Value);
        return LocalRedirect(flow.AfterSignIn);
    }
}
