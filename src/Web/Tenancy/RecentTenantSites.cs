using System.Collections.Concurrent;
using AlexaLinkHub.Application.Tenants;

namespace AlexaLinkHub.Web.Tenancy;

/// <summary>The tenants this instance resolved lately, kept only so that the "temporarily unavailable" page of an outage
/// — when the database cannot tell us — still shows the tenant's name, logo and colours. Never used to resolve a tenant
/// (a suspension takes effect at once). Bounded: past the limit it forgets everything and starts again.</summary>
internal sealed class RecentTenantSites
{
    private const int Limit = 10_000;
    private readonly ConcurrentDictionary<string, TenantSite> _sites = new(StringComparer.OrdinalIgnoreCase);

    public void Remember(TenantSite site)
    {
        if (_sites.Count >= Limit)
            _sites.Clear();
        _sites[site.Slug] = site;
    }

    public TenantSite? Find(string slug) => _sites.GetValueOrDefault(slug);
}
