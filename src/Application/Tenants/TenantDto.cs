using AlexaLinkHub.Application.Common.Interfaces;
using AlexaLinkHub.Domain.Tenants;

namespace AlexaLinkHub.Application.Tenants;

public sealed record BrandingDto(string? LogoUrl, string PrimaryColor, string BackgroundColor, string? SupportUrl, string? PrivacyUrl, string? FaviconUrl)
{
    public static BrandingDto From(Branding branding) =>
        new(branding.LogoUrl, branding.PrimaryColor, branding.BackgroundColor, branding.SupportUrl, branding.PrivacyUrl, branding.FaviconUrl);
}

public sealed record BrandingTextDto(string? LoginHeading, string? LoginHelp, string? SupportMessage)
{
    /// <summary>The tenant's texts by language (only the languages it wrote).</summary>
    public static IReadOnlyDictionary<string, BrandingTextDto> From(IEnumerable<BrandingText> texts) =>
        texts.OrderBy(t => t.Language, StringComparer.Ordinal).ToDictionary(t => t.Language, t => new BrandingTextDto(t.LoginHeading, t.LoginHelp, t.SupportMessage));
}

/// <summary>The texts a tenant page shows in one language: the tenant's own for that language, else its English one,
/// else null (the page's built-in text).</summary>
public sealed record PageTexts(string? LoginHeading, string? LoginHelp, string? SupportMessage)
{
    public static PageTexts For(IReadOnlyDictionary<string, BrandingTextDto> texts, string language)
    {
        var own = texts.GetValueOrDefault(language);
        var english = texts.GetValueOrDefault(BrandingText.FallbackLanguage);
        return new(own?.LoginHeading ?? english?.LoginHeading, own?.LoginHelp ?? english?.LoginHelp, own?.SupportMessage ?? english?.SupportMessage);
    }
}

public sealed record TenantDto(
    Guid Id,
    string Slug,
    string DisplayName,
    string Status,
    BrandingDto Branding,
    IReadOnlyDictionary<string, BrandingTextDto> Texts,
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
        BrandingTextDto.From(tenant.Texts),
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
