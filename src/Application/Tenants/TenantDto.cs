using AlexaLinkHub.Application.Common.Interfaces;
using AlexaLinkHub.Domain.Tenants;

namespace AlexaLinkHub.Application.Tenants;

public sealed record BrandingDto(string? LogoUrl, string PrimaryColor, string BackgroundColor, string? SupportUrl, string? PrivacyUrl)
{
    public static BrandingDto From(Branding branding) =>
        new(branding.LogoUrl, branding.PrimaryColor, branding.BackgroundColor, branding.SupportUrl, branding.PrivacyUrl);
}

public sealed record TenantDto(
    Guid Id,
    string Slug,
    string DisplayName,
    string Status,
    BrandingDto Branding,
    string Issuer,
    bool SignUpEnabled,
    bool EmailConfirmationRequired,
    bool AdminsMustUseMfa,
    DateTimeOffset CreatedAt)
{
    public static TenantDto From(Tenant tenant, IPublicUrls urls) => new(
        tenant.Id,
        tenant.Slug,
        tenant.DisplayName,
        TenantStatusNames.ToWire(tenant.Status),
        BrandingDto.From(tenant.Branding),
        urls.TenantUrl(tenant.Slug, string.Empty).TrimEnd('/'),
        tenant.SignUpEnabled,
        tenant.EmailConfirmationRequired,
        tenant.AdminsMustUseMfa,
        tenant.CreatedAt);
}

public static class TenantStatusNames
{
    public const string Active = "active";
    public const string Suspended = "suspended";

    public static string ToWire(TenantStatus status) => status == TenantStatus.Suspended ? Suspended : Active;

    public static bool TryParse(string? value, out TenantStatus status)
    {
        status = value switch
        {
            Active => TenantStatus.Active,
            Suspended => TenantStatus.Suspended,
            _ => (TenantStatus)(-1),
        };
        return Enum.IsDefined(status);
    }
}
