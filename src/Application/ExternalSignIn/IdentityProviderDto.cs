using AlexaLinkHub.Application.Common.Interfaces;
using AlexaLinkHub.Application.Common.Tenancy;
using AlexaLinkHub.Domain.ExternalSignIn;

namespace AlexaLinkHub.Application.ExternalSignIn;

/// <summary>A provider as the admin API and UI show it: never its secret. <c>CallbackUrl</c> is the redirect URI the
/// vendor registers at the provider.</summary>
public sealed record IdentityProviderDto(
    string Name, string Type, string DisplayName, string? Issuer, string ClientId, IReadOnlyList<string> Scopes, bool Enabled, string CallbackUrl)
{
    public static IdentityProviderDto From(IdentityProvider provider, IPublicUrls urls, string slug) => new(
        provider.Name, ProviderPresets.TypeName(provider.Type), provider.DisplayName, provider.Issuer, provider.ClientId,
        provider.Scopes, provider.Enabled, urls.TenantUrl(slug, TenantPaths.ExternalCallback(provider.Name)));
}
