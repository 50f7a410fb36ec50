using AlexaLinkHub.Application.Common.Exceptions;
using AlexaLinkHub.Application.Common.Interfaces;
using AlexaLinkHub.Application.Common.Tenancy;
using Mediator;

namespace AlexaLinkHub.Application.Tenants;

/// <summary>The tenant in scope.</summary>
public sealed record GetTenant : IQuery<TenantDto>, ITenantAdminRequest;

public sealed class GetTenantHandler(ITenantRepository tenants, ITenantContext scope, IPublicUrls urls)
    : IQueryHandler<GetTenant, TenantDto>
{
    public async ValueTask<TenantDto> Handle(GetTenant query, CancellationToken cancellationToken)
    {
        var tenant = await tenants.FindByIdAsync(scope.RequiredTenantId, cancellationToken)
            ?? throw new NotFoundException("Tenant not found.");
        return TenantDto.From(tenant, urls);
    }
}
