using AlexaLinkHub.Application.Admins;
using AlexaLinkHub.Web.Admin;
using AlexaLinkHub.Web.Tenancy;
using Mediator;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Localization;

namespace AlexaLinkHub.Web.Areas.Admin.Pages;

/// <summary>The link in an invitation email: the invited admin chooses a password and is signed in.</summary>
[EnableRateLimiting(TenantPagesSetup.AccountFormsPolicy)]
public sealed class InvitationModel(ISender sender, IStringLocalizer<SharedResource> text) : ChoosePasswordPageModel(sender, text)
{
    protected override IQuery<AdminInvitation?> FindRecipient(string token) => new GetAdminInvitation(token);

    protected override ICommand<AdminIdentity?> ChoosePassword(string token, string password) =>
        new AcceptAdminInvitation { Token = token, Password = password };
}
