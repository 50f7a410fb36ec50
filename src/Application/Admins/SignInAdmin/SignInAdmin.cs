using AlexaLinkHub.Application.Common.Interfaces;
using AlexaLinkHub.Application.Common.Security;
using AlexaLinkHub.Domain.Audit;
using Mediator;
using Microsoft.Extensions.Options;

namespace AlexaLinkHub.Application.Admins;

/// <summary>Checks an admin's credentials on the admin sign-in page. An unknown email and a wrong password get the same
/// answer; repeated failures lock the account for a while (<see cref="AdminSignInOptions"/>).</summary>
public sealed record SignInAdmin : ICommand<AdminSignInOutcome>, IPublicRequest, ISingleSaveCommand
{
    public required string Email { get; init; }
    public required string Password { get; init; }
}

public enum AdminSignInStatus
{
    Succeeded,
    BadCredentials,
    LockedOut,
    Disabled,
}

public sealed record AdminSignInOutcome(AdminSignInStatus Status, AdminIdentity? Admin, DateTimeOffset? LockedUntil)
{
    public bool Succeeded => Status == AdminSignInStatus.Succeeded;
}

public sealed class SignInAdminHandler(
    IAdminUserRepository admins,
    IPasswordHasher hasher,
    IAuditLog audit,
    IOptions<AdminSignInOptions> options,
    TimeProvider clock) : ICommandHandler<SignInAdmin, AdminSignInOutcome>
{
    // A real hash of a throwaway password: an unknown email costs the same verification as a known one.
    private static string? _timingHash;

    public async ValueTask<AdminSignInOutcome> Handle(SignInAdmin command, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var admin = string.IsNullOrWhiteSpace(command.Email) ? null : await admins.FindByEmailAsync(command.Email, cancellationToken);
        if (admin is not null && admin.IsLockedOut(now))
        {
            audit.Record(AuditActions.AdminSignInFailed, AuditTarget.Admin(admin.Email), AuditDetails.Of("reason", "locked_out"));
            return new AdminSignInOutcome(AdminSignInStatus.LockedOut, null, admin.LockoutEnd);
        }

        var check = hasher.Verify(admin?.PasswordHash ?? (_timingHash ??= hasher.Hash(Guid.NewGuid().ToString())), command.Password ?? string.Empty);
        if (admin is null || check == PasswordCheck.Failed)
        {
            if (admin is null)
            {
                audit.Record(AuditActions.AdminSignInFailed, AuditTarget.UnknownAdmin, AuditDetails.Of("reason", "bad_credentials"));
                return new AdminSignInOutcome(AdminSignInStatus.BadCredentials, null, null);
            }
            admin.RecordFailedSignIn(now, options.Value.MaxFailedAttempts, options.Value.LockoutDuration);
            var locked = admin.IsLockedOut(now);
            audit.Record(AuditActions.AdminSignInFailed, AuditTarget.Admin(admin.Email), AuditDetails.Of("reason", locked ? "locked_out" : "bad_credentials"));
            return locked
                ? new AdminSignInOutcome(AdminSignInStatus.LockedOut, null, admin.LockoutEnd)
                : new AdminSignInOutcome(AdminSignInStatus.BadCredentials, null, null);
        }

        if (!admin.Enabled)
        {
            audit.Record(AuditActions.AdminSignInFailed, AuditTarget.Admin(admin.Email), AuditDetails.Of("reason", "disabled"));
            return new AdminSignInOutcome(AdminSignInStatus.Disabled, null, null);
        }

        admin.RecordSuccessfulSignIn();
        if (check == PasswordCheck.SuccessRehashNeeded)
            admin.SetPasswordHash(hasher.Hash(command.Password!));
        audit.Record(AuditActions.AdminSignedIn, AuditTarget.Admin(admin.Email));
        return new AdminSignInOutcome(AdminSignInStatus.Succeeded, AdminIdentity.From(admin), null);
    }
}
