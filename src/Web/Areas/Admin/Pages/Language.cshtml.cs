using AlexaLinkHub.Web.Admin;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace AlexaLinkHub.Web.Areas.Admin.Pages;

/// <summary>The language switcher's target (a POST with antiforgery): remembers the choice and goes back to the page it
/// was made on — inside the admin area only.</summary>
public sealed class LanguageModel : PageModel
{
    public IActionResult OnGet() => LocalRedirect(AdminPaths.Root);

    public IActionResult OnPost([FromForm] string? culture, [FromForm] string? returnUrl)
    {
        if (AdminLanguages.IsChoice(culture))
            AdminLanguages.Remember(Response, culture!);
        return LocalRedirect(AdminPaths.SafeReturnUrl(returnUrl) ?? AdminPaths.Root);
    }
}
