using AlexaLinkHub.Application.Common.Interfaces;
using AlexaLinkHub.Application.ExternalSignIn;
using AlexaLinkHub.Application.Linking;
using AlexaLinkHub.Web.Tenancy;
using Mediator;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace AlexaLinkHub.Web.Pages.Tenant;

/// <summary>The vendor-branded login page the Alexa app shows. Errors are shown inline on the page itself (Alexa: no
/// pop-ups, alerts or dialogs); an unknown email and a wrong password get the same answer.</summary>
public sealed class LoginModel(
    ISender sender, ICurrentActor actor, LinkFlow flow, EndUserSessions sessions, ExternalSignInCookies externalCookies, IStringLocalizer<SharedResource> text, TimeProvider clock) : PageModel
{
    private static readonly Dictionary<string, string> s_fields = new() { ["email"] = "Input.Email", ["password"] = "Input.Password" };

    [BindProperty]
    public LoginInput Input { get; set; } = new();

    public LinkContext? Link => flow.Link;

    /// <summary>The "Continue with …" buttons; the CSP allows each one's authorization endpoint as a form target.</summary>
    public IReadOnlyList<SignInProvider> Providers { get; private set; } = [];

    /// <summary>What came back from an external sign-in (<c>?external=…</c>), worded for the user.</summary>
    public string? ExternalMessage { get; private set; }

    public async Task<IActionResult> OnGetAsync([FromQuery(Name = ExternalCallbackModel.ProblemField)] string? external)
    {
        if (flow.ReturnUrl is { } returnUrl && actor.EndUserId is not null)
            return LocalRedirect(returnUrl);
        await LoadProvidersAsync();
        ExternalMessage = ExternalText.For(external, Providers, externalCookies.Pending(), text);
        if (external == ExternalCallbackModel.ConnectNotice && externalCookies.Pending() is { } pending)
            Input.Email = pending.Email;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync()
    {
        if (string.IsNullOrWhiteSpace(Input.Email))
            ModelState.AddModelError("Input.Email", text["Login.EmailRequired"]);
        if (string.IsNullOrEmpty(Input.Password))
            ModelState.AddModelError("Input.Password", text["Login.PasswordRequired"]);
        await LoadProvidersAsync();
        if (!ModelState.IsValid)
            return Page();

        var pending = externalCookies.Pending();
        SignInOutcome? outcome = null;
        // A refusal is shown on the form: two first sign-ins of one migrating customer at once (one created the account,
        // the other lost the race) end as a conflict.
        if (await PageMessages.TryAsync(ModelState, async () => outcome = await sender.Send(new SignInEndUser { Email = Input.Email!, Password = Input.Password!, ClientId = Link?.ClientId, ReturnUrl = flow.ReturnUrl, Connect = pending?.Login }), text, s_fields) is not null)
        {
            Input.Password = null;
            return Page();
        }
        var tenant = HttpContext.RequiredTenant();
        switch (outcome!.Status)
        {
            case SignInStatus.Succeeded:
                if (pending is not null)
                    externalCookies.ForgetPending();
                await sessions.StartAsync(HttpContext, outcome.UserId!.Value, pending?.Login.ProviderName);
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
            case SignInStatus.Unavailable:
                ModelState.AddModelError(string.Empty, text["Login.LegacyUnavailable", tenant.DisplayName]);
                break;
            default:
                ModelState.AddModelError(string.Empty, text["Login.BadCredentials", tenant.DisplayName]);
                break;
        }
        Input.Password = null;
        return Page();
    }

    private async Task LoadProvidersAsync()
    {
        Providers = await sender.Send(new ListSignInProviders());
        HttpContext.Features.Get<TenantPageSecurity>()?.AllowFormTargets(Providers.Select(p => p.AuthorizationEndpoint));
    }

    public sealed class LoginInput
    {
        public string? Email { get; set; }
        public string? Password { get; set; }
    }
}
