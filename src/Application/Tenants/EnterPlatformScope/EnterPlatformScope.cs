using AlexaLinkHub.Application.Common.Interfaces;
using AlexaLinkHub.Application.Common.Tenancy;
using Mediator;

namespace AlexaLinkHub.Application.Tenants;

/// <summary>Enters the platform scope (every tenant visible). Its audience says who may: a platform admin.</summary>
public sealed record EnterPlatformScope : IQuery<Unit>, IPlatformAdminRequest;

public sealed class EnterPlatformScopeHandler(TenantContext scope) : IQueryHandler<EnterPlatformScope, Unit>
{
    public ValueTask<Unit> Handle(EnterPlatformScope query, CancellationToken cancellationToken)
    {
        scope.EnterPlatformScope();
        return ValueTask.FromResult(Unit.Value);
    }
}
