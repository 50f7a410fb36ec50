using AlexaLinkHub.Application.Common.Exceptions;
using AlexaLinkHub.Application.Common.Interfaces;
using AlexaLinkHub.Application.Common.Tenancy;
using AlexaLinkHub.Application.Tenants;
using Mediator;

namespace AlexaLinkHub.Application.ExternalSignIn;

/// <summary>One external provider of the tenant (never its secret).</summary>
public sealed record GetIdentityProvider(string Name) : IQuery<IdentityProviderDto>, ITenantAdminRequest;

public sealed class GetIdentityProviderHandler(IIdentityProviderRepository providers, ITenantRepository tenants, IPublicUrls urls, ITenantContext scope)
    : IQueryHandler<GetIdentityProvider, IdentityProviderDto>
{
    public async ValueTask<IdentityProviderDto> Handle(GetIdentityProvider query, CancellationToken cancellationToken)
    {
        var provider = await providers.FindByNameAsync(query.Name, cancellationToken) ?? throw new NotFoundException($"Identity provider '{query.Name}' not found.");
        var tenant = await tenants.FindByIdAsync(scope.RequiredTenantId, cancellationToken) ?? throw new NotFoundException("Tenant not found.");
        return IdentityProviderDto.From(provider, urls, tenant.Slug);
    }
}
