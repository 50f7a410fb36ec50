using AlexaLinkHub.Application.Accounts;
using AlexaLinkHub.Web.Tenancy;
using Mediator;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace AlexaLinkHub.Web.Pages.Tenant;

/// <summary>The link in the confirmation email: confirms, signs in and resumes the link flow.</summary>
public sealed class ConfirmEmailModel(ISender sender, LinkFlow flow, EndUserSessions sessions) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public string? Token { get; set; }

    public async Task<IActionResult> OnGetAsync()
    {
        var outcome = await sender.Send(new ConfirmEmail(Token ?? string.Empty));
        if (!outcome.Succeeded)
            return Page();
        await sessions.StartAsync(HttpContext, outcome.UserId!.Value);
        return LocalRedirect(flow.AfterSignIn);
    }
}
