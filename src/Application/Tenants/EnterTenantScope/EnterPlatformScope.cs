using AlexaLinkHub.Application.Common.Exceptions;
using AlexaLinkHub.Application.Common.Interfaces;
using AlexaLinkHub.Application.Common.Tenancy;
using Mediator;

namespace AlexaLinkHub.Application.Tenants;

/// <summary>Enters the platform scope (every tenant visible) — for platform admins only.</summary>
public sealed record EnterPlatformScope : IQuery<Unit>;

public sealed class EnterPlatformScopeHandler(ITenantContext scope, ICurrentActor actor) : IQueryHandler<EnterPlatformScope, Unit>
{
    public ValueTask<Unit> Handle(EnterPlatformScope query, CancellationToken cancellationToken)
    {
        if (!actor.IsPlatformAdmin)
            throw new ForbiddenException("This action needs a platform API key.");
        scope.EnterPlatformScope();
        return ValueTask.FromResult(Unit.Value);
    }
}
