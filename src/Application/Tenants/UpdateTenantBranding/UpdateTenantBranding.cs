using AlexaLinkHub.Application.Common.Exceptions;
using AlexaLinkHub.Application.Common.Interfaces;
using AlexaLinkHub.Application.Common.Tenancy;
using AlexaLinkHub.Domain.Audit;
using AlexaLinkHub.Domain.Tenants;
using Mediator;

namespace AlexaLinkHub.Application.Tenants;

/// <summary>Replaces the tenant's branding. Empty values fall back to the defaults.</summary>
public sealed record UpdateTenantBranding : ICommand, ITenantAdminRequest
{
    public string? LogoUrl { get; init; }
    public string? PrimaryColor { get; init; }
    public string? BackgroundColor { get; init; }
    public string? SupportUrl { get; init; }
    public string? PrivacyUrl { get; init; }
    public string? FaviconUrl { get; init; }

    public Branding ToBranding() => Branding.Create(LogoUrl, PrimaryColor, BackgroundColor, SupportUrl, PrivacyUrl, FaviconUrl);
}

public sealed class UpdateTenantBrandingHandler(ITenantRepository tenants, ITenantContext scope, IAuditLog audit)
    : ICommandHandler<UpdateTenantBranding>
{
    public async ValueTask<Unit> Handle(UpdateTenantBranding command, CancellationToken cancellationToken)
    {
        var tenant = await tenants.FindByIdAsync(scope.RequiredTenantId, cancellationToken) ?? throw new NotFoundException("Tenant not found.");
        tenant.ChangeBranding(command.ToBranding());
        var b = tenant.Branding;
        audit.Record(AuditActions.TenantBrandingUpdated, AuditTarget.Tenant(tenant.Slug),
            AuditDetails.Of("logoUrl", b.LogoUrl).And("primaryColor", b.PrimaryColor).And("backgroundColor", b.BackgroundColor)
                .And("supportUrl", b.SupportUrl).And("privacyUrl", b.PrivacyUrl).And("faviconUrl", b.FaviconUrl));
        return Unit.Value;
    }
}
