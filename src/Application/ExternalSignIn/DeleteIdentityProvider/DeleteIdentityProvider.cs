using AlexaLinkHub.Application.Common.Exceptions;
using AlexaLinkHub.Application.Common.Interfaces;
using AlexaLinkHub.Domain.Audit;
using Mediator;

namespace AlexaLinkHub.Application.ExternalSignIn;

/// <summary>Removes a provider and, with it, the external identities connected through it (the database cascades).
/// Users who had no other way to sign in can still set a password through "forgot password".</summary>
public sealed record DeleteIdentityProvider(string Name) : ICommand, ITenantAdminRequest;

public sealed class DeleteIdentityProviderHandler(IIdentityProviderRepository providers, IAuditLog audit) : ICommandHandler<DeleteIdentityProvider>
{
    public async ValueTask<Unit> Handle(DeleteIdentityProvider command, CancellationToken cancellationToken)
    {
        var provider = await providers.FindByNameAsync(command.Name, cancellationToken) ?? throw new NotFoundException($"Identity provider '{command.Name}' not found.");
        await providers.RemoveAsync(provider, cancellationToken);
        audit.Record(AuditActions.IdentityProviderDeleted, AuditTarget.IdentityProvider(provider.Name));
        return Unit.Value;
    }
}
