using AlexaLinkHub.Application.Common.Exceptions;
using AlexaLinkHub.Application.Common.Interfaces;
using AlexaLinkHub.Application.Common.Tenancy;
using AlexaLinkHub.Application.Tenants;
using AlexaLinkHub.Domain.Audit;
using AlexaLinkHub.Domain.ExternalSignIn;
using Mediator;
using Microsoft.Extensions.Options;

namespace AlexaLinkHub.Application.ExternalSignIn;

/// <summary>A tenant adds an external provider. A generic OpenID Connect provider's discovery document is read before
/// anything is saved (reachable, https, naming the same issuer); the secret is stored protected and never shown again.
/// One SaveChanges after the slow work (discovery, the first data-protection key).</summary>
public sealed record RegisterIdentityProvider : ICommand<IdentityProviderDto>, ITenantAdminRequest, ISingleSaveCommand
{
    public required string Name { get; init; }
    public required string Type { get; init; }
    public required string DisplayName { get; init; }
    public string? Issuer { get; init; }
    public required string ClientId { get; init; }
    public required string ClientSecret { get; init; }
    public IReadOnlyList<string>? Scopes { get; init; }
    public bool Enabled { get; init; } = true;
}

public sealed class RegisterIdentityProviderHandler(
    IIdentityProviderRepository providers,
    ITenantRepository tenants,
    IExternalSignInProtocol protocol,
    IProviderSecretProtector protector,
    IPublicUrls urls,
    ITenantContext scope,
    IAuditLog audit,
    IOptions<ExternalSignInOptions> options,
    TimeProvider clock) : ICommandHandler<RegisterIdentityProvider, IdentityProviderDto>
{
    public async ValueTask<IdentityProviderDto> Handle(RegisterIdentityProvider command, CancellationToken cancellationToken)
    {
        var existing = await providers.ListAsync(cancellationToken);
        if (existing.Count >= IdentityProvider.MaxPerTenant)
            throw new ConflictException($"A tenant can have at most {IdentityProvider.MaxPerTenant} identity providers; delete one first.");
        var name = IdentityProvider.ValidateName(command.Name);
        if (existing.Any(p => p.Name == name))
            throw new ConflictException($"An identity provider named '{name}' exists already.", "name");

        var type = ProviderPresets.ParseType(command.Type);
        var issuer = ProviderPresets.IssuerFor(type, command.Issuer);
        var allowHttp = options.Value.AllowLoopbackHttp;
        if (issuer is not null)
            issuer = ProviderUrl.Validate(issuer, "issuer", allowHttp);
        var authorizationEndpoint = await protocol.ResolveAuthorizationEndpointAsync(type, issuer, cancellationToken);

        var provider = IdentityProvider.Create(
            scope.RequiredTenantId, name, type, command.DisplayName, issuer, command.ClientId, protector.Protect(command.ClientSecret),
            ProviderPresets.ScopesFor(type, command.Scopes), command.Enabled, authorizationEndpoint, allowHttp, clock.GetUtcNow());
        providers.Add(provider);
        audit.Record(AuditActions.IdentityProviderAdded, AuditTarget.IdentityProvider(provider.Name),
            AuditDetails.Of("type", ProviderPresets.TypeName(type)).And("issuer", issuer));
        var tenant = await tenants.FindByIdAsync(scope.RequiredTenantId, cancellationToken) ?? throw new NotFoundException("Tenant not found.");
        return IdentityProviderDto.From(provider, urls, tenant.Slug);
    }
}
