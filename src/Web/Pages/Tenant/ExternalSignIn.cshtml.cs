using AlexaLinkHub.Application.Common.Tenancy;
using AlexaLinkHub.Application.ExternalSignIn;
using AlexaLinkHub.Application.Linking;
using Mediator;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace AlexaLinkHub.Web.Pages.Tenant;

/// <summary>"Continue with {provider}" (a plain form post from the login page): remembers the attempt in a protected
/// cookie and sends the browser to the provider's authorization endpoint — the one address the login page's CSP allows
/// as this form's target.</summary>
public sealed class ExternalSignInModel(ISender sender, LinkFlow flow, ExternalSignInCookies cookies) : PageModel
{
    public IActionResult OnGet() => LocalRedirect(flow.PageUrl(TenantPaths.Login));

    public async Task<IActionResult> OnPostAsync(string provider)
    {
        var start = await sender.Send(new StartExternalSignIn(provider ?? string.Empty));
        if (start is null)
        {
            await sender.Send(new RecordLinkFailure(LinkFailureReasons.ExternalUnknownProvider, flow.Link?.ClientId));
            return LocalRedirect(ExternalCallbackModel.LoginWithProblem(flow, flow.ReturnUrl, LinkFailureReasons.ExternalUnknownProvider));
        }
        cookies.SaveAttempt(new ExternalAttempt(Guid.Empty, provider!, start.Challenge, flow.ReturnUrl, flow.Link?.ClientId));
        return Redirect(start.AuthorizationUrl);
    }
}
