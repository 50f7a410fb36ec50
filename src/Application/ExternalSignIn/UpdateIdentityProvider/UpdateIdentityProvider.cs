using AlexaLinkHub.Application.Common.Exceptions;
using AlexaLinkHub.Application.Common.Interfaces;
using AlexaLinkHub.Application.Common.Tenancy;
using AlexaLinkHub.Application.Tenants;
using AlexaLinkHub.Domain.Audit;
using AlexaLinkHub.Domain.ExternalSignIn;
using Mediator;
using Microsoft.Extensions.Options;

namespace AlexaLinkHub.Application.ExternalSignIn;

/// <summary>Changes a provider (PATCH: what is null stays). A changed issuer is discovered again before it is saved. The
/// change reaches every instance at once: providers are read from the database on each sign-in.</summary>
public sealed record UpdateIdentityProvider : ICommand<IdentityProviderDto>, ITenantAdminRequest, ISingleSaveCommand
{
    public required string Name { get; init; }
    public string? DisplayName { get; init; }
    public string? Issuer { get; init; }
    public string? ClientId { get; init; }
    public string? ClientSecret { get; init; }
    public IReadOnlyList<string>? Scopes { get; init; }
    public bool? Enabled { get; init; }
}

public sealed class UpdateIdentityProviderHandler(
    IIdentityProviderRepository providers,
    ITenantRepository tenants,
    IExternalSignInProtocol protocol,
    IProviderSecretProtector protector,
    IPublicUrls urls,
    ITenantContext scope,
    IAuditLog audit,
    IOptions<ExternalSignInOptions> options,
    TimeProvider clock) : ICommandHandler<UpdateIdentityProvider, IdentityProviderDto>
{
    public async ValueTask<IdentityProviderDto> Handle(UpdateIdentityProvider command, CancellationToken cancellationToken)
    {
        var provider = await providers.FindByNameAsync(command.Name, cancellationToken) ?? throw new NotFoundException($"Identity provider '{command.Name}' not found.");
        var allowHttp = options.Value.AllowLoopbackHttp;
        var issuer = provider.Issuer;
        var authorizationEndpoint = provider.AuthorizationEndpoint;
        if (command.Issuer is not null)
        {
            issuer = ProviderPresets.IssuerFor(provider.Type, command.Issuer);
            if (issuer is not null)
                issuer = ProviderUrl.Validate(issuer, "issuer", allowHttp);
            authorizationEndpoint = await protocol.ResolveAuthorizationEndpointAsync(provider.Type, issuer, cancellationToken);
        }

        var now = clock.GetUtcNow();
        provider.Change(
            command.DisplayName ?? provider.DisplayName, issuer, command.ClientId ?? provider.ClientId,
            command.Scopes is null ? provider.Scopes : ProviderPresets.ScopesFor(provider.Type, command.Scopes),
            command.Enabled ?? provider.Enabled, authorizationEndpoint, allowHttp, now);
        if (!string.IsNullOrEmpty(command.ClientSecret))
            provider.ReplaceSecret(protector.Protect(command.ClientSecret), now);
        audit.Record(AuditActions.IdentityProviderUpdated, AuditTarget.IdentityProvider(provider.Name),
            AuditDetails.Of("enabled", provider.Enabled).And("secretReplaced", !string.IsNullOrEmpty(command.ClientSecret)));
        var tenant = await tenants.FindByIdAsync(scope.RequiredTenantId, cancellationToken) ?? throw new NotFoundException("Tenant not found.");
        return IdentityProviderDto.From(provider, urls, tenant.Slug);
    }
}
