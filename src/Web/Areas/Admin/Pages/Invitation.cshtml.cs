using AlexaLinkHub.Application.Admins;
using AlexaLinkHub.Web.Admin;
using AlexaLinkHub.Web.Tenancy;
using Mediator;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;

namespace AlexaLinkHub.Web.Areas.Admin.Pages;

/// <summary>The link in an invitation email: the invited admin chooses a password and is signed in.</summary>
[EnableRateLimiting(TenantPagesSetup.AccountFormsPolicy)]
public sealed class InvitationModel(ISender sender) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public string? Token { get; set; }

    [BindProperty]
    public string? Password { get; set; }

    public AdminInvitation? Invitation { get; private set; }

    public async Task<IActionResult> OnGetAsync()
    {
        Invitation = await sender.Send(new GetAdminInvitation(Token ?? string.Empty));
        return Invitation is null ? ShowInvalid() : Page();
    }

    public async Task<IActionResult> OnPostAsync()
    {
        Invitation = await sender.Send(new GetAdminInvitation(Token ?? string.Empty));
        if (Invitation is null)
            return ShowInvalid();
        AdminIdentity? admin = null;
        if (!await AdminForm.TryAsync(ModelState, async () => admin = await sender.Send(new AcceptAdminInvitation { Token = Token!, Password = Password ?? string.Empty }), prefix: string.Empty))
            return Page();
        if (admin is null)
            return ShowInvalid();
        await HttpContext.SignInAsync(AdminAuthentication.Scheme, AdminAuthentication.CreatePrincipal(admin));
        return LocalRedirect(AdminPaths.Root);
    }

    private PageResult ShowInvalid()
    {
        Invitation = null;
        Response.StatusCode = StatusCodes.Status400BadRequest;
        return Page();
    }
}
