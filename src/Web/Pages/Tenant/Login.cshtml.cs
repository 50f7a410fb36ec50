using AlexaLinkHub.Application.Common.Exceptions;
using AlexaLinkHub.Application.Linking;
using AlexaLinkHub.Web.Tenancy;
using Mediator;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace AlexaLinkHub.Web.Pages.Tenant;

/// <summary>The vendor-branded login page the Alexa app shows. Errors are shown inline on the page itself (Alexa: no
/// pop-ups, alerts or dialogs); an unknown email and a wrong password get the same answer.</summary>
public sealed class LoginModel(ISender sender, IStringLocalizer<SharedResource> text, TimeProvider clock) : PageModel
{
    [BindProperty]
    public LoginInput Input { get; set; } = new();

    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    public LinkContext? Link { get; private set; }

    public async Task<IActionResult> OnGetAsync()
    {
        var returnUrl = LinkFlow.SafeReturnUrl(HttpContext, ReturnUrl);
        if (returnUrl is not null && await EndUserSession.CurrentUserAsync(HttpContext) is not null)
            return LocalRedirect(returnUrl);
        Link = await LinkFlow.ContextOfAsync(HttpContext, sender, ReturnUrl);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync()
    {
        Link = await LinkFlow.ContextOfAsync(HttpContext, sender, ReturnUrl);
        if (string.IsNullOrWhiteSpace(Input.Email))
            ModelState.AddModelError("Input.Email", text["Enter your email address."]);
        if (string.IsNullOrEmpty(Input.Password))
            ModelState.AddModelError("Input.Password", text["Enter your password."]);
        if (!ModelState.IsValid)
            return Page();

        SignInOutcome outcome;
        try
        {
            outcome = await sender.Send(new SignInEndUser { Email = Input.Email!, Password = Input.Password!, ClientId = Link?.ClientId, ReturnUrl = LinkFlow.SafeReturnUrl(HttpContext, ReturnUrl) });
        }
        catch (ConflictException)
        {
            // Two first sign-ins of one migrating customer at once: one created the account, this one lost the race.
            outcome = new SignInOutcome(SignInStatus.Unavailable, null, null);
        }
        var tenant = HttpContext.RequiredTenant();
        switch (outcome.Status)
        {
            case SignInStatus.Succeeded:
                await EndUserSession.SignInAsync(HttpContext, outcome.UserId!.Value);
                // 302 (a GET): never a 307, which would re-post the password.
                return LocalRedirect(LinkFlow.SafeReturnUrl(HttpContext, ReturnUrl) ?? $"{Request.PathBase}/account");
            case SignInStatus.LockedOut:
                var minutes = outcome.LockedUntil is { } until ? Math.Max(1, (int)Math.Ceiling((until - clock.GetUtcNow()).TotalMinutes)) : 15;
                ModelState.AddModelError(string.Empty, minutes == 1
                    ? text["Too many failed attempts. Wait a minute and try again, or reset your password."]
                    : text["Too many failed attempts. Wait {0} minutes and try again, or reset your password.", minutes]);
                break;
            case SignInStatus.EmailNotConfirmed:
                ModelState.AddModelError(string.Empty, text["Confirm your email address first: we have sent a new link to {0}.", Input.Email!.Trim()]);
                break;
            case SignInStatus.Disabled:
                ModelState.AddModelError(string.Empty, text["This account is disabled. Contact {0} for help.", tenant.DisplayName]);
                break;
            case SignInStatus.Unavailable:
                ModelState.AddModelError(string.Empty, text["We couldn't reach {0} to check your password. Try again in a moment.", tenant.DisplayName]);
                break;
            default:
                ModelState.AddModelError(string.Empty, text["The email or password is not correct. Use your {0} account, not your Amazon account.", tenant.DisplayName]);
                break;
        }
        Input.Password = null;
        return Page();
    }

    public sealed class LoginInput
    {
        public string? Email { get; set; }
        public string? Password { get; set; }
    }
}
