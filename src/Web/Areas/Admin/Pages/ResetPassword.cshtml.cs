using AlexaLinkHub.Application.Admins;
using AlexaLinkHub.Web.Admin;
using AlexaLinkHub.Web.Tenancy;
using Mediator;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Localization;

namespace AlexaLinkHub.Web.Areas.Admin.Pages;

/// <summary>The link in a password-reset email: the admin chooses a new password and is signed in.</summary>
[EnableRateLimiting(TenantPagesSetup.AccountFormsPolicy)]
public sealed class ResetPasswordModel(ISender sender, IStringLocalizer<SharedResource> text) : ChoosePasswordPageModel(sender, text)
{
    protected override IQuery<AdminInvitation?> FindRecipient(string token) => new GetAdminPasswordReset(token);

    protected override ICommand<AdminIdentity?> ChoosePassword(string token, string password) =>
        new ResetAdminPassword { Token = token, Password = password };
}
