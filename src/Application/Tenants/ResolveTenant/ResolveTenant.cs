using AlexaLinkHub.Application.Common.Interfaces;
using Mediator;

namespace AlexaLinkHub.Application.Tenants;

/// <summary>What a tenant's public pages need to know about it, looked up by the slug in <c>/t/{slug}</c>. Null when
/// there is no such tenant.</summary>
public sealed record ResolveTenant(string Slug) : IQuery<TenantSite?>, IPublicRequest;

public sealed record TenantSite(Guid Id, string Slug, string DisplayName, bool IsActive, BrandingDto Branding, bool SignUpEnabled, IReadOnlyDictionary<string, BrandingTextDto> Texts)
{
    public PageTexts TextsIn(string language) => PageTexts.For(Texts, language);
}

public sealed class ResolveTenantHandler(ITenantRepository tenants) : IQueryHandler<ResolveTenant, TenantSite?>
{
    public async ValueTask<TenantSite?> Handle(ResolveTenant query, CancellationToken cancellationToken)
    {
        var tenant = await tenants.FindBySlugAsync(query.Slug, cancellationToken);
        return tenant is null ? null : new TenantSite(tenant.Id, tenant.Slug, tenant.DisplayName, tenant.IsActive, BrandingDto.From(tenant.Branding), tenant.SignUpEnabled, BrandingTextDto.From(tenant.Texts));
    }
}
