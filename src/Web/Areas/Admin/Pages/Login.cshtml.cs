using AlexaLinkHub.Application.Admins;
using AlexaLinkHub.Web.Admin;
using Mediator;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Options;

namespace AlexaLinkHub.Web.Areas.Admin.Pages;

/// <summary>Admin sign-in. An unknown email and a wrong password get the same answer; repeated failures lock the account
/// for a while (the lockout lives in the application layer).</summary>
public sealed class LoginModel(ISender sender, IOptions<OnboardingOptions> onboarding, TimeProvider clock) : PageModel
{
    [BindProperty]
    public LoginInput Input { get; set; } = new();

    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    public bool SelfService => onboarding.Value.SelfService;

    public IActionResult OnGet() =>
        HttpContext.AdminSession().SignedIn ? LocalRedirect(AdminPaths.SafeReturnUrl(ReturnUrl) ?? AdminPaths.Root) : Page();

    public async Task<IActionResult> OnPostAsync()
    {
        if (string.IsNullOrWhiteSpace(Input.Email) || string.IsNullOrEmpty(Input.Password))
        {
            ModelState.AddModelError(string.Empty, "Enter your email and password.");
            return Page();
        }

        var outcome = await sender.Send(new SignInAdmin { Email = Input.Email, Password = Input.Password });
        switch (outcome.Status)
        {
            case AdminSignInStatus.Succeeded:
                await HttpContext.SignInAsync(AdminAuthentication.Scheme, AdminAuthentication.CreatePrincipal(outcome.Admin!));
                // 302 (a GET), never a 307 that would re-post the password.
                return LocalRedirect(AdminPaths.SafeReturnUrl(ReturnUrl) ?? AdminPaths.Root);
            case AdminSignInStatus.LockedOut:
                var minutes = outcome.LockedUntil is { } until ? Math.Max(1, (int)Math.Ceiling((until - clock.GetUtcNow()).TotalMinutes)) : 15;
                ModelState.AddModelError(string.Empty, minutes == 1
                    ? "Too many failed attempts. This account is locked; try again in a minute."
                    : $"Too many failed attempts. This account is locked; try again in {minutes} minutes.");
                break;
            case AdminSignInStatus.Disabled:
                ModelState.AddModelError(string.Empty, "This admin account is disabled.");
                break;
            default:
                ModelState.AddModelError(string.Empty, "The email or password is not correct.");
                break;
        }
        return Page();
    }

    public sealed class LoginInput
    {
        public string? Email { get; set; }
        public string? Password { get; set; }
    }
}
