using AlexaLinkHub.Application.Common.Interfaces;
using AlexaLinkHub.Domain.Audit;
using AlexaLinkHub.Domain.ExternalSignIn;
using AlexaLinkHub.Domain.Users;

namespace AlexaLinkHub.Application.ExternalSignIn;

/// <summary>Connecting an external identity to an account the user just proved (its password). Shared by the sign-in
/// use case; an identity already connected (to anyone) or a provider deleted meanwhile is left alone.</summary>
public sealed class ExternalLogins(IIdentityProviderRepository providers, IExternalLoginRepository logins, IAuditLog audit, TimeProvider clock)
{
    public async Task ConnectAsync(EndUser user, PendingExternalLogin pending, CancellationToken cancellationToken)
    {
        if (await providers.FindByNameAsync(pending.ProviderName, cancellationToken) is not { } provider || provider.Id != pending.ProviderId)
            return;
        if (await logins.FindAsync(provider.Id, pending.Subject, cancellationToken) is not null)
            return;
        logins.Add(ExternalLogin.Connect(user.TenantId, user.Id, provider.Id, pending.Subject, clock.GetUtcNow()));
        audit.Record(AuditActions.ExternalLoginConnected, AuditTarget.User(user.Id), AuditDetails.Of("identityProvider", provider.Name));
    }
}
