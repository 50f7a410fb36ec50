using AlexaLinkHub.Application.Common.Behaviours;
using AlexaLinkHub.Application.Common.Exceptions;
using AlexaLinkHub.Application.Common.Interfaces;
using AlexaLinkHub.Application.Common.Tenancy;
using FluentValidation;
using Mediator;

namespace AlexaLinkHub.Application.Tenants;

/// <summary>The tenant's public site as it would look with a draft branding — checked by the same rules as
/// <see cref="UpdateTenantBranding"/>, and not saved — for the branding editor's preview.</summary>
public sealed record PreviewTenantBranding(UpdateTenantBranding Draft) : IQuery<TenantSite>, ITenantAdminRequest;

public sealed class PreviewTenantBrandingValidator : AbstractValidator<PreviewTenantBranding>
{
    public PreviewTenantBrandingValidator() => RuleFor(x => x.Draft).SatisfiesDomain(draft => draft.ToBranding());
}

public sealed class PreviewTenantBrandingHandler(ITenantRepository tenants, ITenantContext scope) : IQueryHandler<PreviewTenantBranding, TenantSite>
{
    public async ValueTask<TenantSite> Handle(PreviewTenantBranding query, CancellationToken cancellationToken)
    {
        var tenant = await tenants.FindByIdAsync(scope.RequiredTenantId, cancellationToken) ?? throw new NotFoundException("Tenant not found.");
        return new TenantSite(tenant.Id, tenant.Slug, tenant.DisplayName, tenant.IsActive, BrandingDto.From(query.Draft.ToBranding()), tenant.SignUpEnabled, BrandingTextDto.From(tenant.Texts));
    }
}
