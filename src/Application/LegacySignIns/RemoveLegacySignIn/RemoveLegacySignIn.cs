using AlexaLinkHub.Application.Common.Interfaces;
using AlexaLinkHub.Domain.Audit;
using Mediator;

namespace AlexaLinkHub.Application.LegacySignIns;

/// <summary>Turns lazy migration off: the endpoint and its secret are deleted (users already migrated stay).</summary>
public sealed record RemoveLegacySignIn : ICommand, ITenantAdminRequest;

public sealed class RemoveLegacySignInHandler(ILegacySignInRepository endpoints, IAuditLog audit) : ICommandHandler<RemoveLegacySignIn>
{
    public async ValueTask<Unit> Handle(RemoveLegacySignIn command, CancellationToken cancellationToken)
    {
        if (await endpoints.FindAsync(cancellationToken) is not { } endpoint)
            return Unit.Value;
        endpoints.Remove(endpoint);
        audit.Record(AuditActions.LegacySignInRemoved, AuditTarget.LegacySignIn, LegacySignInAudit.Describe(endpoint));
        return Unit.Value;
    }
}
