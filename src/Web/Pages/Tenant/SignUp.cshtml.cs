using AlexaLinkHub.Application.Accounts;
using AlexaLinkHub.Application.Common.Exceptions;
using AlexaLinkHub.Application.Linking;
using AlexaLinkHub.Web.Tenancy;
using FluentValidation;
using Mediator;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Localization;

namespace AlexaLinkHub.Web.Pages.Tenant;

/// <summary>Create an account inside the link flow, then continue straight to consent and back to Alexa.</summary>
[EnableRateLimiting(TenantPagesSetup.AccountFormsPolicy)]
public sealed class SignUpModel(ISender sender, IStringLocalizer<SharedResource> text) : PageModel
{
    private static readonly Dictionary<string, string> s_fields = new()
    {
        ["Email"] = "Input.Email",
        ["DisplayName"] = "Input.Name",
        ["Password"] = "Input.Password",
    };

    [BindProperty]
    public SignUpInput Input { get; set; } = new();

    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    public LinkContext? Link { get; private set; }
    public bool EmailTaken { get; private set; }
    public bool ConfirmationSent { get; private set; }

    public async Task OnGetAsync() => Link = await LinkFlow.ContextOfAsync(HttpContext, sender, ReturnUrl);

    public async Task<IActionResult> OnPostAsync()
    {
        Link = await LinkFlow.ContextOfAsync(HttpContext, sender, ReturnUrl);
        if (!HttpContext.RequiredTenant().SignUpEnabled)
            return Page();
        var returnUrl = LinkFlow.SafeReturnUrl(HttpContext, ReturnUrl);
        SignUpOutcome outcome;
        try
        {
            outcome = await sender.Send(new SignUpEndUser
            {
                Email = Input.Email ?? string.Empty,
                Password = Input.Password ?? string.Empty,
                DisplayName = Input.Name ?? string.Empty,
                ReturnUrl = returnUrl,
            });
        }
        catch (ValidationException ex)
        {
            PageMessages.AddTo(ModelState, ex, text, s_fields);
            Input.Password = null;
            return Page();
        }
        catch (ConflictException)
        {
            outcome = new SignUpOutcome(SignUpStatus.EmailTaken, null);
        }

        switch (outcome.Status)
        {
            case SignUpStatus.Succeeded:
                await EndUserSession.SignInAsync(HttpContext, outcome.UserId!.Value);
                return LocalRedirect(returnUrl ?? $"{Request.PathBase}/account");
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
