using AlexaLinkHub.Application.Admins;
using AlexaLinkHub.Web.Admin;
using AlexaLinkHub.Web.Tenancy;
using Mediator;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;

namespace AlexaLinkHub.Web.Areas.Admin.Pages;

/// <summary>Vendor self-onboarding (<c>Onboarding:SelfService</c>): on success the vendor is signed in as the new
/// tenant's first admin and lands on its dashboard. Rate limited like the tenant pages' account forms.</summary>
[EnableRateLimiting(TenantPagesSetup.AccountFormsPolicy)]
public sealed class SignUpModel(ISender sender, IOptions<OnboardingOptions> onboarding, IStringLocalizer<SharedResource> text) : PageModel
{
    private static readonly Dictionary<string, string> s_aliases = new(StringComparer.OrdinalIgnoreCase)
    {
        ["email"] = "Email",
        ["slug"] = "TenantSlug",
        ["displayName"] = "OrganizationName",
    };

    [BindProperty]
    public SignUpInput Input { get; set; } = new();

    public IActionResult OnGet() => onboarding.Value.SelfService ? Page() : NotFound();

    public async Task<IActionResult> OnPostAsync()
    {
        if (!onboarding.Value.SelfService)
            return NotFound();
        VendorSignUpResult? result = null;
        var command = new SignUpVendor
        {
            Email = Input.Email ?? string.Empty,
            Password = Input.Password ?? string.Empty,
            OrganizationName = Input.OrganizationName ?? string.Empty,
            TenantSlug = Input.TenantSlug?.Trim() ?? string.Empty,
        };
        if (!await AdminForm.TryAsync(ModelState, async () => result = await sender.Send(command), aliases: s_aliases, text: text))
            return Page();

        await AdminAuthentication.SignInAsync(HttpContext, result!.Admin);
        return LocalRedirect(AdminPaths.Tenant(result.TenantSlug));
    }

    public sealed class SignUpInput
    {
        public string? Email { get; set; }
        public string? Password { get; set; }
        public string? OrganizationName { get; set; }
        public string? TenantSlug { get; set; }
    }
}
