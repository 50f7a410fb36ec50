using AlexaLinkHub.Application.Admins;
using AlexaLinkHub.Web.Admin;
using Mediator;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;

namespace AlexaLinkHub.Web.Areas.Admin.Pages;

/// <summary>Admin sign-in, step one. An unknown email and a wrong password get the same answer, and the same lockout
/// (the lockout lives in the application layer, per email). An admin with a second factor goes on to
/// <see cref="AdminPaths.LoginVerify"/>.</summary>
public sealed class LoginModel(ISender sender, IOptions<OnboardingOptions> onboarding, TimeProvider clock, IStringLocalizer<SharedResource> text) : PageModel
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
            ModelState.AddModelError(string.Empty, text["Console.SignInMissing"]);
            return Page();
        }

        var outcome = await sender.Send(new SignInAdmin { Email = Input.Email, Password = Input.Password });
        switch (outcome.Status)
        {
            case AdminSignInStatus.Succeeded:
                await AdminAuthentication.SignInAsync(HttpContext, outcome.Admin!);
                // 302 (a GET), never a 307 that would re-post the password.
                return LocalRedirect(AdminPaths.SafeReturnUrl(ReturnUrl) ?? AdminPaths.Root);
            case AdminSignInStatus.SecondFactorRequired:
                await AdminPendingSignIn.StartAsync(HttpContext, outcome.Admin!);
                return LocalRedirect(QueryHelpers.AddQueryString(AdminPaths.LoginVerify, "returnUrl", AdminPaths.SafeReturnUrl(ReturnUrl) ?? AdminPaths.Root));
            case AdminSignInStatus.LockedOut:
                ModelState.AddModelError(string.Empty, LockoutMessage(outcome.LockedUntil, clock, text));
                break;
            case AdminSignInStatus.Disabled:
                ModelState.AddModelError(string.Empty, text["Console.SignInDisabled"]);
                break;
            default:
                ModelState.AddModelError(string.Empty, text["Console.SignInWrong"]);
                break;
        }
        return Page();
    }

    /// <summary>The same words for every locked email, an admin's or not.</summary>
    internal static string LockoutMessage(DateTimeOffset? lockedUntil, TimeProvider clock, IStringLocalizer<SharedResource> text)
    {
        var minutes = lockedUntil is { } until ? Math.Max(1, (int)Math.Ceiling((until - clock.GetUtcNow()).TotalMinutes)) : 15;
        return minutes == 1 ? text["Console.LockedOutMinute"] : text["Console.LockedOutMinutes", minutes];
    }

    public sealed class LoginInput
    {
        public string? Email { get; set; }
        public string? Password { get; set; }
    }
}
