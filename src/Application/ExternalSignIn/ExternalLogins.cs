using AlexaLinkHub.Application.Common.Interfaces;
using AlexaLinkHub.Application.Users;
using AlexaLinkHub.Domain.Audit;
using AlexaLinkHub.Domain.ExternalSignIn;
using AlexaLinkHub.Domain.Users;

namespace AlexaLinkHub.Application.ExternalSignIn;

/// <summary>A user's external identities, shared by the use cases that connect, list and disconnect them. Connecting
/// follows a proof of the account (its password); an identity already connected (to anyone) or a provider deleted
/// meanwhile is left alone.</summary>
public sealed class ExternalLogins(IIdentityProviderRepository providers, IExternalLoginRepository logins, IEndUserRepository users, IAuditLog audit, TimeProvider clock)
{
    /// <summary>The user's providers (by name and button text) and whether they have a password.</summary>
    public async Task<Accounts.MyExternalLogins> OfUserAsync(Guid userId, CancellationToken cancellationToken)
    {
        var byId = (await providers.ListAsync(cancellationToken)).ToDictionary(p => p.Id);
        var mine = (await logins.ListOfUserAsync(userId, cancellationToken))
            .Where(l => byId.ContainsKey(l.ProviderId))
            .Select(l => new Accounts.MyExternalLogin(byId[l.ProviderId].Name, byId[l.ProviderId].DisplayName, l.CreatedAt))
            .ToList();
        var user = await users.FindByIdAsync(userId, cancellationToken);
        return new Accounts.MyExternalLogins(mine, user?.HasPassword ?? false);
    }

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
