using AlexaLinkHub.Application.Common.Exceptions;
using AlexaLinkHub.Application.Common.Interfaces;
using AlexaLinkHub.Application.Common.Tenancy;
using AlexaLinkHub.Domain.Audit;
using AlexaLinkHub.Domain.Tenants;
using FluentValidation;
using Mediator;

namespace AlexaLinkHub.Application.Tenants;

public sealed record RenameTenant : ICommand, ITenantAdminRequest
{
    public required string DisplayName { get; init; }
}

public sealed class RenameTenantValidator : AbstractValidator<RenameTenant>
{
    public RenameTenantValidator()
    {
        // The entity also refuses markup and control characters (Tenant.ValidateDisplayName), with its own message.
        RuleFor(x => x.DisplayName)
            .NotEmpty().WithMessage("Display name is required.")
            .MaximumLength(Tenant.DisplayNameMaxLength);
    }
}

public sealed class RenameTenantHandler(ITenantRepository tenants, ITenantContext scope, IAuditLog audit) : ICommandHandler<RenameTenant>
{
    public async ValueTask<Unit> Handle(RenameTenant command, CancellationToken cancellationToken)
    {
        var tenant = await tenants.FindByIdAsync(scope.RequiredTenantId, cancellationToken) ?? throw new NotFoundException("Tenant not found.");
        tenant.Rename(command.DisplayName);
        audit.Record(AuditActions.TenantUpdated, AuditTarget.Tenant(tenant.Slug), AuditDetails.Of("displayName", tenant.DisplayName));
        return Unit.Value;
    }
}
