using AlexaLinkHub.Application.Admins;
using Mediator;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace AlexaLinkHub.Web.Admin;

/// <summary>A page reached by a link from an email (an invitation, a password reset): it shows whom the link is for,
/// the admin chooses a password and is signed in. An invalid, used or expired link gets a 400 page saying so.</summary>
public abstract class ChoosePasswordPageModel(ISender sender, IStringLocalizer<SharedResource> text) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public string? Token { get; set; }

    [BindProperty]
    public string? Password { get; set; }

    /// <summary>Whom the link is for; null when it does not work.</summary>
    public AdminInvitation? Recipient { get; private set; }

    /// <summary>Whom a genuine, unused, unexpired link is for.</summary>
    protected abstract IQuery<AdminInvitation?> FindRecipient(string token);

    /// <summary>Sets the password with the link; null when it no longer works.</summary>
    protected abstract ICommand<AdminIdentity?> ChoosePassword(string token, string password);

    public async Task<IActionResult> OnGetAsync()
    {
        Recipient = await sender.Send(FindRecipient(Token ?? string.Empty));
        return Recipient is null ? ShowInvalid() : Page();
    }

    public async Task<IActionResult> OnPostAsync()
    {
        Recipient = await sender.Send(FindRecipient(Token ?? string.Empty));
        if (Recipient is null)
            return ShowInvalid();
        AdminIdentity? admin = null;
        if (!await AdminForm.TryAsync(ModelState, async () => admin = await sender.Send(ChoosePassword(Token!, Password ?? string.Empty)), prefix: string.Empty, text: text))
            return Page();
        if (admin is null)
            return ShowInvalid();
        // An emailed link is not a second factor: an admin who has one signs in with it.
        if (admin.HasMfa)
            return LocalRedirect(AdminPaths.Login);
        await AdminAuthentication.SignInAsync(HttpContext, admin);
        return LocalRedirect(AdminPaths.Root);
    }

    private PageResult ShowInvalid()
    {
        Recipient = null;
        Response.StatusCode = StatusCodes.Status400BadRequest;
        return Page();
    }
}
