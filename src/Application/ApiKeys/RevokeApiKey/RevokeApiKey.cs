using AlexaLinkHub.Application.Common.Exceptions;
using AlexaLinkHub.Application.Common.Interfaces;
using AlexaLinkHub.Application.Common.Tenancy;
using AlexaLinkHub.Domain.Audit;
using Mediator;

namespace AlexaLinkHub.Application.ApiKeys;

public sealed record RevokeApiKey(Guid Id) : ICommand, ITenantAdminRequest;

public sealed class RevokeApiKeyHandler(IApiKeyRepository keys, ITenantContext scope, IAuditLog audit, TimeProvider clock) : ICommandHandler<RevokeApiKey>
{
    public async ValueTask<Unit> Handle(RevokeApiKey command, CancellationToken cancellationToken)
    {
        var key = await keys.FindForTenantAsync(scope.RequiredTenantId, command.Id, cancellationToken) ?? throw new NotFoundException("API key not found.");
        if (!key.IsActive)
            return Unit.Value;
        key.Revoke(clock.GetUtcNow());
        audit.Record(AuditActions.ApiKeyRevoked, AuditTarget.ApiKey(key.Prefix), AuditDetails.Of("name", key.Name));
        return Unit.Value;
    }
}
