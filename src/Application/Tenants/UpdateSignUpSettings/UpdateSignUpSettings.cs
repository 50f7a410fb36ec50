using AlexaLinkHub.Application.Common.Exceptions;
using AlexaLinkHub.Application.Common.Interfaces;
using AlexaLinkHub.Application.Common.Tenancy;
using AlexaLinkHub.Domain.Audit;
using Mediator;

namespace AlexaLinkHub.Application.Tenants;

/// <summary>Whether end users may sign up on the tenant's pages, and whether they must confirm their email first.
/// A null value keeps the current setting.</summary>
public sealed record UpdateSignUpSettings(bool? SignUpEnabled, bool? EmailConfirmationRequired) : ICommand, ITenantAdminRequest;

public sealed class UpdateSignUpSettingsHandler(ITenantRepository tenants, ITenantContext scope, IAuditLog audit) : ICommandHandler<UpdateSignUpSettings>
{
    public async ValueTask<Unit> Handle(UpdateSignUpSettings command, CancellationToken cancellationToken)
    {
        var tenant = await tenants.FindByIdAsync(scope.RequiredTenantId, cancellationToken) ?? throw new NotFoundException("Tenant not found.");
        tenant.ConfigureSignUp(command.SignUpEnabled ?? tenant.SignUpEnabled, command.EmailConfirmationRequired ?? tenant.EmailConfirmationRequired);
        audit.Record(AuditActions.TenantUpdated, AuditTarget.Tenant(tenant.Slug), AuditDetails.Of("signUpEnabled", tenant.SignUpEnabled).And("emailConfirmationRequired", tenant.EmailConfirmationRequired));
        return Unit.Value;
    }
}
