using AlexaLinkHub.Application.Common.Interfaces;
using AlexaLinkHub.Application.Linking;
using AlexaLinkHub.Web.Tenancy;
using Mediator;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace AlexaLinkHub.Web.Pages.Tenant;

/// <summary>The vendor-branded login page the Alexa app shows. Errors are shown inline on the page itself (Alexa: no
/// pop-ups, alerts or dialogs); an unknown email and a wrong password get the same answer.</summary>
public sealed class LoginModel(ISender sender, ICurrentActor actor, LinkFlow flow, EndUserSessions sessions, IStringLocalizer<SharedResource> text, TimeProvider clock) : PageModel
{
    [BindProperty]
    public LoginInput Input { get; set; } = new();

    public LinkContext? Link => flow.Link;

    public IActionResult OnGet() =>
        flow.ReturnUrl is { } returnUrl && actor.EndUserId is not null ? LocalRedirect(returnUrl) : Page();

    public async Task<IActionResult> OnPostAsync()
    {
        if (string.IsNullOrWhiteSpace(Input.Email))
            ModelState.AddModelError("Input.Email", text["Login.EmailRequired"]);
        if (string.IsNullOrEmpty(Input.Password))
            ModelState.AddModelError("Input.Password", text["Login.PasswordRequired"]);
        if (!ModelState.IsValid)
            return Page();

        var outcome = await sender.Send(new SignInEndUser { Email = Input.Email!, Password = Input.Password!, ClientId = Link?.ClientId, ReturnUrl = flow.ReturnUrl });
        var tenant = HttpContext.RequiredTenant();
        switch (outcome.Status)
        {
            case SignInStatus.Succeeded:
                await sessions.StartAsync(HttpContext, outcome.UserId!.Value);
                // 302 (a GET): never a 307, which would re-post the password.
                return LocalRedirect(flow.AfterSignIn);
            case SignInStatus.LockedOut:
                var minutes = outcome.LockedUntil is { } until ? Math.Max(1, (int)Math.Ceiling((until - clock.GetUtcNow()).TotalMinutes)) : 15;
                ModelState.AddModelError(string.Empty, minutes == 1
                    ? text["Login.LockedOutMinute"]
                    : text["Login.LockedOutMinutes", minutes]);
                break;
            case SignInStatus.EmailNotConfirmed:
                ModelState.AddModelError(string.Empty, text["Login.EmailNotConfirmed", Input.Email!.Trim()]);
                break;
            case SignInStatus.Disabled:
                ModelState.AddModelError(string.Empty, text["Login.Disabled", tenant.DisplayName]);
                break;
            default:
                ModelState.AddModelError(string.Empty, text["Login.BadCredentials", tenant.DisplayName]);
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
