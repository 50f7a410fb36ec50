using AlexaLinkHub.Application.Tenants;

namespace AlexaLinkHub.Web.Tenancy;

/// <summary>The tenant of a <c>/t/{slug}</c> request, for its pages (name, branding).</summary>
public sealed record TenantSiteFeature(TenantSite Site);

public static class TenantHttpContextExtensions
{
    public static TenantSite? Tenant(this HttpContext context) => context.Features.Get<TenantSiteFeature>()?.Site;

    public static TenantSite RequiredTenant(this HttpContext context) =>
        context.Tenant() ?? throw new InvalidOperationException("Not a tenant request.");
}
