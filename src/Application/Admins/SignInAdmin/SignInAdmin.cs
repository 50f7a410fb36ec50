using AlexaLinkHub.Application.Common.Interfaces;
using AlexaLinkHub.Application.Common.Security;
using Mediator;

namespace AlexaLinkHub.Application.Admins;

/// <summary>Checks an admin's password on the admin sign-in page. An unknown email and a wrong password get the same
/// answer, and the same lockout after <see cref="AdminSignInOptions.MaxFailedAttempts"/> failures (counted per email,
/// <see cref="AdminSignInGate"/>), after the same work (one password-hash verification). An admin with a second factor
/// is not signed in yet: <see cref="AdminSignInStatus.SecondFactorRequired"/>.</summary>
public sealed record SignInAdmin : ICommand<AdminSignInOutcome>, IAdminSignInRequest, ISingleSaveCommand
{
    public required string Email { get; init; }
    public required string Password { get; init; }
}

public enum AdminSignInStatus
{
    Succeeded,
    SecondFactorRequired,
    BadCredentials,
    LockedOut,
    Disabled,
}

/// <summary><see cref="Admin"/> is set when the password was right: the session's identity (Succeeded), or whom the
/// second step is for (SecondFactorRequired).</summary>
public sealed record AdminSignInOutcome(AdminSignInStatus Status, AdminIdentity? Admin, DateTimeOffset? LockedUntil)
{
    public bool Succeeded => Status == AdminSignInStatus.Succeeded;
}

public sealed class SignInAdminHandler(IAdminUserRepository admins, IPasswordHasher hasher, AdminSignInGate gate, IAdminMfaPolicy mfa)
    : ICommandHandler<SignInAdmin, AdminSignInOutcome>
{
    // A real hash of a throwaway password: an unknown email costs the same verification as a known one.
    private static string? s_timingHash;

    public async ValueTask<AdminSignInOutcome> Handle(SignInAdmin command, CancellationToken cancellationToken)
    {
        var admin = string.IsNullOrWhiteSpace(command.Email) ? null : await admins.FindByEmailAsync(command.Email, cancellationToken);
        var (attempt, refusal) = await gate.AttemptAsync(command.Email, admin, cancellationToken);
        if (refusal is not null)
            return refusal;

        var check = hasher.Verify(admin?.PasswordHash ?? (s_timingHash ??= hasher.Hash(Guid.NewGuid().ToString())), command.Password ?? string.Empty);
        if (admin is null || check == PasswordCheck.Failed)
            return gate.Fail(attempt, admin, "bad_credentials");

        if (!admin.Enabled)
        {
            gate.Fail(attempt, admin, "disabled");
            return new AdminSignInOutcome(AdminSignInStatus.Disabled, null, null);
        }

        if (check == PasswordCheck.SuccessRehashNeeded)
            admin.SetPasswordHash(hasher.Hash(command.Password!));
        if (!admin.HasMfa)
            return await gate.SucceedAsync(admin, "password", cancellationToken);
        await gate.GiveBackAsync(admin, cancellationToken);
        return new AdminSignInOutcome(AdminSignInStatus.SecondFactorRequired, await mfa.IdentityAsync(admin, cancellationToken), null);
    }
}
