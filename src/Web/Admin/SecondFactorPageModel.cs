using AlexaLinkHub.Application.Admins;
using Mediator;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace AlexaLinkHub.Web.Admin;

/// <summary>"Prove it's you" with a second factor: a code from the authenticator app, a recovery code, or a passkey (the
/// only part that needs JavaScript) — or, for a step-up of an admin without a second factor, the password. Used by the
/// second sign-in step and by the step-up before dangerous actions. Success starts a session proved now and goes back
/// to where the admin was.</summary>
public abstract class SecondFactorPageModel(ISender sender, TimeProvider clock, IStringLocalizer<SharedResource> text) : PageModel
{
    /// <summary>Whom the page asks: from the pending sign-in cookie, or from the session.</summary>
    public sealed record Subject(Guid AdminId, string SecurityStamp, string Email, bool HasMfa);

    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    [BindProperty]
    public string? Code { get; set; }

    [BindProperty]
    public string? Password { get; set; }

    [BindProperty]
    public string? PasskeyState { get; set; }

    [BindProperty]
    public string? PasskeyResponse { get; set; }

    /// <summary>A fresh challenge when the admin has passkeys (the page offers "Use a passkey").</summary>
    public PasskeyChallenge? Passkey { get; private set; }

    /// <summary>A step-up of an admin without a second factor: the password stands in.</summary>
    public bool AsksForPassword { get; private set; }

    protected abstract Task<Subject?> SubjectAsync();

    /// <summary>Where to go when there is nobody to ask (an expired first step, no session).</summary>
    protected virtual IActionResult Restart() => LocalRedirect(AdminPaths.Login);

    protected virtual Task OnProvedAsync() => Task.CompletedTask;

    public async Task<IActionResult> OnGetAsync() => await SubjectAsync() is { } subject ? await ShowAsync(subject) : Restart();

    public async Task<IActionResult> OnPostCodeAsync()
    {
        if (await SubjectAsync() is not { } subject)
            return Restart();
        if (string.IsNullOrWhiteSpace(Code))
        {
            ModelState.AddModelError(nameof(Code), text["Console.CodeMissing"]);
            return await ShowAsync(subject);
        }
        return await FinishAsync(subject, await sender.Send(new VerifyAdminCode { AdminId = subject.AdminId, SecurityStamp = subject.SecurityStamp, Code = Code }),
            text["Console.CodeWrong"]);
    }

    public async Task<IActionResult> OnPostPasskeyAsync()
    {
        if (await SubjectAsync() is not { } subject)
            return Restart();
        var outcome = await sender.Send(new VerifyAdminPasskey
        {
            AdminId = subject.AdminId,
            SecurityStamp = subject.SecurityStamp,
            State = PasskeyState ?? string.Empty,
            ResponseJson = PasskeyResponse ?? string.Empty,
        });
        return await FinishAsync(subject, outcome, text["Console.PasskeyFailed"]);
    }

    public async Task<IActionResult> OnPostPasswordAsync()
    {
        if (await SubjectAsync() is not { HasMfa: false } subject)
            return Restart();
        var outcome = await sender.Send(new SignInAdmin { Email = subject.Email, Password = Password ?? string.Empty });
        return await FinishAsync(subject, outcome, text["Console.PasswordWrong"]);
    }

    private async Task<IActionResult> FinishAsync(Subject subject, AdminSignInOutcome outcome, string wrong)
    {
        switch (outcome.Status)
        {
            case AdminSignInStatus.Succeeded:
                await OnProvedAsync();
                await AdminAuthentication.SignInAsync(HttpContext, outcome.Admin!);
                return LocalRedirect(AdminPaths.SafeReturnUrl(ReturnUrl) ?? AdminPaths.Root);
            case AdminSignInStatus.LockedOut:
                ModelState.AddModelError(string.Empty, Areas.Admin.Pages.LoginModel.LockoutMessage(outcome.LockedUntil, clock, text));
                break;
            default:
                ModelState.AddModelError(subject.HasMfa ? nameof(Code) : nameof(Password), wrong);
                break;
        }
        return await ShowAsync(subject);
    }

    private async Task<IActionResult> ShowAsync(Subject subject)
    {
        AsksForPassword = !subject.HasMfa;
        Passkey = subject.HasMfa ? await sender.Send(new GetPasskeyAssertion(subject.AdminId, subject.SecurityStamp)) : null;
        Code = null;
        Password = null;
        return Page();
    }
}
