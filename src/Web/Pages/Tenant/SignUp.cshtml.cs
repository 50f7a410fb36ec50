using AlexaLinkHub.Application.Accounts;
using AlexaLinkHub.Application.Linking;
using AlexaLinkHub.Web.Tenancy;
using Mediator;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Localization;

namespace AlexaLinkHub.Web.Pages.Tenant;

/// <summary>Create an account inside the link flow, then continue straight to consent and back to Alexa.</summary>
[EnableRateLimiting(TenantPagesSetup.AccountFormsPolicy)]
public sealed class SignUpModel(ISender sender, LinkFlow flow, EndUserSessions sessions, IStringLocalizer<SharedResource> text) : PageModel
{
    private static readonly Dictionary<string, string> s_fields = new()
    {
        ["Email"] = "Input.Email",
        ["DisplayName"] = "Input.Name",
        ["Password"] = "Input.Password",
    };

    [BindProperty]
    public SignUpInput Input { get; set; } = new();

    public LinkContext? Link => flow.Link;
    public bool EmailTaken { get; private set; }
    public bool ConfirmationSent { get; private set; }

    public async Task<IActionResult> OnPostAsync()
    {
        if (!HttpContext.RequiredTenant().SignUpEnabled)
            return Page();
        var returnUrl = flow.ReturnUrl;
        SignUpOutcome? outcome = null;
        var refused = await PageMessages.TryAsync(ModelState, async () => outcome = await sender.Send(new SignUpEndUser
        {
            Email = Input.Email ?? string.Empty,
            Password = Input.Password ?? string.Empty,
            DisplayName = Input.Name ?? string.Empty,
            ReturnUrl = returnUrl,
        }), text, s_fields);
        if (refused is { Status: StatusCodes.Status409Conflict })
        {
            // Two sign-ups racing for one email: the unique index decided, and this one is told as the check would have.
            ModelState.Clear();
            outcome = new SignUpOutcome(SignUpStatus.EmailTaken, null);
        }
        else if (refused is not null)
        {
            Input.Password = null;
            return Page();
        }

        switch (outcome!.Status)
        {
            case SignUpStatus.Succeeded:
                await sessions.StartAsync(HttpContext, outcome.UserId!.Value);
                return LocalRedirect(flow.AfterSignIn);
            case SignUpStatus.ConfirmationSent:
                ConfirmationSent = true;
                break;
            case SignUpStatus.EmailTaken:
                EmailTaken = true;
                break;
        }
        Input.Password = null;
        return Page();
    }

    public sealed class SignUpInput
    {
        public string? Email { get; set; }
        public string? Name { get; set; }
        public string? Password { get; set; }
    }
}
