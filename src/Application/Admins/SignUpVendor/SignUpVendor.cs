using AlexaLinkHub.Application.Common.Exceptions;
using AlexaLinkHub.Application.Common.Interfaces;
using AlexaLinkHub.Application.Common.Security;
using AlexaLinkHub.Application.Common.Tenancy;
using AlexaLinkHub.Application.Tenants;
using AlexaLinkHub.Domain.Admins;
using AlexaLinkHub.Domain.Audit;
using Mediator;
using Microsoft.Extensions.Options;

namespace AlexaLinkHub.Application.Admins;

/// <summary>A vendor onboards on their own (configuration <c>Onboarding:SelfService</c>, on by default): a new tenant,
/// and the vendor as its first admin, in one save.</summary>
public sealed record SignUpVendor : ICommand<VendorSignUpResult>, IPublicRequest, ISingleSaveCommand
{
    public required string Email { get; init; }
    public required string Password { get; init; }
    public required string OrganizationName { get; init; }
    public required string TenantSlug { get; init; }
}

public sealed record VendorSignUpResult(AdminIdentity Admin, Guid TenantId, string TenantSlug);

public sealed class SignUpVendorHandler(
    IAdminUserRepository admins,
    TenantRegistration registration,
    TenantContext scope,
    IPasswordHasher hasher,
    IAuditLog audit,
    IOptions<OnboardingOptions> options,
    TimeProvider clock) : ICommandHandler<SignUpVendor, VendorSignUpResult>
{
    public async ValueTask<VendorSignUpResult> Handle(SignUpVendor command, CancellationToken cancellationToken)
    {
        if (!options.Value.SelfService)
            throw new ForbiddenException("Self-service sign-up is switched off. Ask the platform operator for an invitation.");
        if (await admins.FindByEmailAsync(command.Email, cancellationToken) is not null)
            throw new ConflictException("An admin account with this email exists already. Sign in instead.", "email");

        var tenant = await registration.RegisterAsync(command.TenantSlug, command.OrganizationName, cancellationToken);
        // The new tenant is the scope from here on: what follows is recorded in its audit trail.
        scope.EnterTenant(tenant.Id, tenant.Slug);
        var admin = AdminUser.CreateTenantAdmin(command.Email, hasher.Hash(command.Password), tenant.Id, AdminRole.Owner, clock.GetUtcNow());
        admins.Add(admin);
        audit.Record(AuditActions.AdminCreated, AuditTarget.Admin(admin.Email), AuditDetails.Of("role", AdminRole.Owner.Name()).And("via", "self-service sign-up"));
        return new VendorSignUpResult(AdminIdentity.From(admin, mustEnrolMfa: false), tenant.Id, tenant.Slug);
    }
}
