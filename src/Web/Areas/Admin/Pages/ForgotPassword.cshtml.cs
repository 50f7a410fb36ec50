using AlexaLinkHub.Application.Admins;
using AlexaLinkHub.Web.Admin;
using AlexaLinkHub.Web.Tenancy;
using Mediator;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Localization;

namespace AlexaLinkHub.Web.Areas.Admin.Pages;

/// <summary>An admin who forgot their password asks for a reset link. The answer is the same whether or not the
/// account exists; the form is rate limited like the other account forms.</summary>
[EnableRateLimiting(TenantPagesSetup.AccountFormsPolicy)]
public sealed class ForgotPasswordModel(ISender sender, IStringLocalizer<SharedResource> text) : PageModel
{
    [BindProperty]
    public string? Email { get; set; }

    public bool Sent { get; private set; }

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync()
    {
        Email = Email?.Trim();
        Sent = await AdminForm.TryAsync(ModelState, () => sender.Send(new RequestAdminPasswordReset { Email = Email ?? string.Empty }).AsTask(), prefix: string.Empty, text: text);
        return Page();
    }
}
