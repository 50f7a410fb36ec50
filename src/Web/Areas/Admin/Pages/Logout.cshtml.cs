using AlexaLinkHub.Web.Admin;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace AlexaLinkHub.Web.Areas.Admin.Pages;

/// <summary>Sign-out is a POST (with antiforgery): a link or an image elsewhere cannot sign an admin out.</summary>
public sealed class LogoutModel : PageModel
{
    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync()
    {
        await HttpContext.SignOutAsync(AdminAuthentication.Scheme);
        return LocalRedirect(AdminPaths.Login);
    }
}
