using AlexaLinkHub.Application.Common.Exceptions;
using AlexaLinkHub.Application.Common.Interfaces;
using AlexaLinkHub.Domain.Audit;
using FluentValidation;
using Mediator;

namespace AlexaLinkHub.Application.Tenants;

/// <summary>Deletes a tenant and all its data, for good. The caller must type the tenant's slug as confirmation.</summary>
public sealed record OffboardTenant : ICommand, IPlatformAdminRequest, IStepUpRequest
{
    public required string Slug { get; init; }

    /// <summary>What the admin typed to confirm: it must be the slug.</summary>
    public required string Confirmation { get; init; }
}

public sealed class OffboardTenantValidator : AbstractValidator<OffboardTenant>
{
    public OffboardTenantValidator() =>
        RuleFor(x => x.Confirmation)
            .Must((command, typed) => string.Equals(typed?.Trim(), command.Slug, StringComparison.Ordinal))
            .WithMessage(command => $"Type the tenant's slug ({command.Slug}) to confirm. Offboarding deletes all its data.");
}

public sealed class OffboardTenantHandler(ITenantRepository tenants, ITenantDataEraser eraser, IAuditLog audit) : ICommandHandler<OffboardTenant>
{
    public async ValueTask<Unit> Handle(OffboardTenant command, CancellationToken cancellationToken)
    {
        var tenant = await tenants.FindBySlugAsync(command.Slug, cancellationToken) ?? throw new NotFoundException("Tenant not found.");
        await eraser.EraseAsync(tenant.Id, cancellationToken);
        // A platform event (no tenant): the tenant it names no longer exists.
        audit.Record(AuditActions.TenantOffboarded, AuditTarget.Tenant(tenant.Slug), AuditDetails.Of("tenantId", tenant.Id).And("displayName", tenant.DisplayName));
        return Unit.Value;
    }
}
