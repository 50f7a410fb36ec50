using AlexaLinkHub.Application.Common.Exceptions;
using AlexaLinkHub.Application.Common.Interfaces;
using AlexaLinkHub.Application.Common.Tenancy;
using AlexaLinkHub.Application.Tenants;
using Mediator;

namespace AlexaLinkHub.Application.ExternalSignIn;

/// <summary>The tenant's external providers, by name (never their secrets).</summary>
public sealed record ListIdentityProviders : IQuery<IReadOnlyList<IdentityProviderDto>>, ITenantAdminRequest;

public sealed class ListIdentityProvidersHandler(IIdentityProviderRepository providers, ITenantRepository tenants, IPublicUrls urls, ITenantContext scope)
    : IQueryHandler<ListIdentityProviders, IReadOnlyList<IdentityProviderDto>>
{
    public async ValueTask<IReadOnlyList<IdentityProviderDto>> Handle(ListIdentityProviders query, CancellationToken cancellationToken)
    {
        var tenant = await tenants.FindByIdAsync(scope.RequiredTenantId, cancellationToken) ?? throw new NotFoundException("Tenant not found.");
        return (await providers.ListAsync(cancellationToken)).Select(p => IdentityProviderDto.From(p, urls, tenant.Slug)).ToList();
    }
}
