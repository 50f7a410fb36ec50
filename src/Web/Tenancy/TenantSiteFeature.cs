using AlexaLinkHub.Application.Tenants;

namespace AlexaLinkHub.Web.Tenancy;

/// <summary>The tenant of a <c>/t/{slug}</c> request, for its pages (name, branding).</summary>
public sealed record TenantSiteFeature(TenantSite Site);

public static class TenantHttpContextExtensions
{
    public static TenantSite? Tenant(this HttpContext context) => context.Features.Get<TenantSiteFeature>()?.Site;

    public static TenantSite RequiredTenant(this HttpContext context) =>
        context.Tenant() ?? throw new InvalidOperationException("Not a tenant request.");

    /// <summary>The tenant's own texts in the page's language (each falling back to its English one; null: the built-in).</summary>
    public static PageTexts TenantTexts(this HttpContext context) =>
        context.RequiredTenant().TextsIn(Domain.Tenants.BrandingText.LanguageFor(System.Globalization.CultureInfo.CurrentUICulture.Name));
}
