using System.Security.Claims;
using AlexaLinkHub.Web.Admin;
using Mediator;
using Microsoft.Extensions.Localization;

namespace AlexaLinkHub.Web.Areas.Admin.Pages.Account;

/// <summary>Before a dangerous action (rotate a secret, offboard a tenant, create an API key…) when the admin last proved
/// who they are more than <c>AdminSecurity:StepUpWindow</c> ago: the second factor again (or the password, for an admin
/// without one); then back to the page, to repeat the action.</summary>
public sealed class StepUpModel(ISender sender, TimeProvider clock, IStringLocalizer<SharedResource> text) : SecondFactorPageModel(sender, clock, text)
{
    protected override Task<Subject?> SubjectAsync()
    {
        var user = User;
        return Task.FromResult(Guid.TryParse(user.FindFirstValue(ClaimTypes.NameIdentifier), out var id)
            ? new Subject(id, user.FindFirstValue(SessionClaims.Stamp) ?? string.Empty, user.FindFirstValue(ClaimTypes.Email) ?? string.Empty,
                user.HasClaim(SessionClaims.HasMfa, "true"))
            : null);
    }
}
