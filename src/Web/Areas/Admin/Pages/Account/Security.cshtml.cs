using AlexaLinkHub.Application.Admins;
using AlexaLinkHub.Web.Admin;
using Mediator;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace AlexaLinkHub.Web.Areas.Admin.Pages.Account;

/// <summary>The admin's own sign-in security: an authenticator app (QR code and base32 secret, confirmed with a code),
/// passkeys, recovery codes (shown once), and "sign out everywhere". Where a second factor is required and missing, every
/// other admin page leads here.</summary>
public sealed class SecurityModel(ISender sender, IStringLocalizer<SharedResource> text) : PageModel
{
    [BindProperty]
    public string? Code { get; set; }

    [BindProperty]
    public string? PasskeyName { get; set; }

    [BindProperty]
    public string? PasskeyState { get; set; }

    [BindProperty]
    public string? PasskeyResponse { get; set; }

    public AdminSecurityDto Security { get; private set; } = null!;
    public PasskeyChallenge Registration { get; private set; } = null!;

    /// <summary>New recovery codes, shown in this response only.</summary>
    public IReadOnlyList<string>? NewRecoveryCodes { get; private set; }
    public string? Notice { get; private set; }
    public bool MustEnrol => User.HasClaim(SessionClaims.MustEnrolMfa, "true") && !Security.HasTotp && Security.Passkeys.Count == 0;

    public string? QrCode => Security.PendingTotp is { } pending ? QrCodeImage.DataUri(pending.EnrolmentUri) : null;

    public Task<IActionResult> OnGetAsync() => ShowAsync();

    public async Task<IActionResult> OnPostStartTotpAsync()
    {
        await sender.Send(new StartTotpEnrolment());
        return await ShowAsync();
    }

    public async Task<IActionResult> OnPostConfirmTotpAsync()
    {
        if (await AdminForm.TryAsync(ModelState, async () => NewRecoveryCodes = await sender.Send(new ConfirmTotpEnrolment { Code = Code ?? string.Empty }), prefix: string.Empty,
                aliases: new Dictionary<string, string> { ["code"] = nameof(Code) }, text: text))
            Notice = text["Console.TotpConfirmed"];
        return await ShowAsync();
    }

    public async Task<IActionResult> OnPostAddPasskeyAsync()
    {
        var command = new AddPasskey { Name = PasskeyName ?? string.Empty, State = PasskeyState ?? string.Empty, ResponseJson = PasskeyResponse ?? string.Empty };
        if (await AdminForm.TryAsync(ModelState, async () => NewRecoveryCodes = await sender.Send(command), prefix: string.Empty,
                aliases: new Dictionary<string, string> { ["name"] = nameof(PasskeyName) }, text: text))
            Notice = text["Console.PasskeyAddedNotice"];
        return await ShowAsync();
    }

    public async Task<IActionResult> OnPostRemovePasskeyAsync(Guid id)
    {
        if (await AdminForm.TryAsync(ModelState, () => sender.Send(new RemovePasskey(id)).AsTask(), prefix: string.Empty))
            Notice = text["Console.PasskeyRemoved"];
        return await ShowAsync();
    }

    public async Task<IActionResult> OnPostRenewCodesAsync()
    {
        if (await AdminForm.TryAsync(ModelState, async () => NewRecoveryCodes = await sender.Send(new RenewRecoveryCodes()), prefix: string.Empty))
            Notice = text["Console.CodesRenewed"];
        return await ShowAsync();
    }

    public async Task<IActionResult> OnPostSignOutEverywhereAsync()
    {
        await sender.Send(new SignOutAdminEverywhere());
        await HttpContext.SignOutAsync(AdminAuthentication.Scheme);
        return LocalRedirect(AdminPaths.Login);
    }

    private async Task<IActionResult> ShowAsync()
    {
        Security = await sender.Send(new GetAdminSecurity());
        Registration = await sender.Send(new BeginPasskeyRegistration());
        Code = null;
        // A page showing a secret (a pending authenticator secret, recovery codes) is never cached (AdminPageSecurity).
        return Page();
    }
}
