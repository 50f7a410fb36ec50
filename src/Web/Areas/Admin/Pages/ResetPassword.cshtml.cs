using AlexaLinkHub.Application.Admins;
using AlexaLinkHub.Web.Admin;
using AlexaLinkHub.Web.Tenancy;
using Mediator;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;

namespace AlexaLinkHub.Web.Areas.Admin.Pages;

/// <summary>The link in a password-reset email: the admin chooses a new password and is signed in.</summary>
[EnableRateLimiting(TenantPagesSetup.AccountFormsPolicy)]
public sealed class ResetPasswordModel(ISender sender) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public string? Token { get; set; }

    [BindProperty]
    public string? Password { get; set; }

    public AdminInvitation? Reset { get; private set; }

    public async Task<IActionResult> OnGetAsync()
    {
        Reset = await sender.Send(new GetAdminPasswordReset(Token ?? string.Empty));
        return Reset is null ? ShowInvalid() : Page();
    }

    public async Task<IActionResult> OnPostAsync()
    {
        Reset = await sender.Send(new GetAdminPasswordReset(Token ?? string.Empty));
        if (Reset is null)
            return ShowInvalid();
        AdminIdentity? admin = null;
        if (!await AdminForm.TryAsync(ModelState, async () => admin = await sender.Send(new ResetAdminPassword { Token = Token!, Password = Password ?? string.Empty }), prefix: string.Empty))
            return Page();
        if (admin is null)
            return ShowInvalid();
        await HttpContext.SignInAsync(AdminAuthentication.Scheme, AdminAuthentication.CreatePrincipal(admin));
        return LocalRedirect(AdminPaths.Root);
    }

    private PageResult ShowInvalid()
    {
        Reset = null;
        Response.StatusCode = StatusCodes.Status400BadRequest;
        return Page();
    }
}
