using AlexaLinkHub.Application.Accounts;
using AlexaLinkHub.Web.Tenancy;
using Mediator;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Options;

namespace AlexaLinkHub.Web.Pages.Tenant;

/// <summary>Request a reset link by email. The answer is the same whether or not the account exists.</summary>
[EnableRateLimiting(TenantPagesSetup.AccountFormsPolicy)]
public sealed class ForgotPasswordModel(ISender sender, LinkFlow flow, IOptions<AccountOptions> options) : PageModel
{
    [BindProperty]
    public string? Email { get; set; }

    public bool Sent { get; private set; }

    /// <summary>How long the link in the email works (configuration, not a sentence in a translation).</summary>
    public TimeSpan LinkLifetime => options.Value.PasswordResetTokenLifetime;

    public async Task<IActionResult> OnPostAsync()
    {
        await sender.Send(new RequestPasswordReset(Email ?? string.Empty, flow.ReturnUrl));
        Sent = true;
        return Page();
    }
}
