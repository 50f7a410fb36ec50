using AlexaLinkHub.Application.Accounts;
using AlexaLinkHub.Application.Linking;
using AlexaLinkHub.Web.Tenancy;
using Mediator;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;

namespace AlexaLinkHub.Web.Pages.Tenant;

/// <summary>Request a reset link by email. The answer is the same whether or not the account exists.</summary>
[EnableRateLimiting(TenantPagesSetup.AccountFormsPolicy)]
public sealed class ForgotPasswordModel(ISender sender) : PageModel
{
    [BindProperty]
    public string? Email { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    public LinkContext? Link { get; private set; }
    public bool Sent { get; private set; }

    public async Task OnGetAsync() => Link = await LinkFlow.ContextOfAsync(HttpContext, sender, ReturnUrl);

    public async Task<IActionResult> OnPostAsync()
    {
        Link = await LinkFlow.ContextOfAsync(HttpContext, sender, ReturnUrl);
        await sender.Send(new RequestPasswordReset(Email ?? string.Empty, LinkFlow.SafeReturnUrl(HttpContext, ReturnUrl)));
        Sent = true;
        return Page();
    }
}
