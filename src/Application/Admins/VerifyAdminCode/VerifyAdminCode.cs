using AlexaLinkHub.Application.Common.Interfaces;
using AlexaLinkHub.Domain.Audit;
using Mediator;

namespace AlexaLinkHub.Application.Admins;

/// <summary>The second step of an admin sign-in (or a step-up): a code from the authenticator app, or one of the
/// recovery codes (lost device; it works once). <see cref="AdminId"/> and <see cref="SecurityStamp"/> come from the
/// first step's protected, short-lived cookie. Wrong codes count towards the same lockout as wrong passwords.</summary>
public sealed record VerifyAdminCode : ICommand<AdminSignInOutcome>, IAdminSignInRequest
{
    public required Guid AdminId { get; init; }
    public required string SecurityStamp { get; init; }
    public required string Code { get; init; }
}

public sealed class VerifyAdminCodeHandler(ITotp totp, AdminSignInGate gate, IAuditLog audit, TimeProvider clock)
    : ICommandHandler<VerifyAdminCode, AdminSignInOutcome>
{
    public async ValueTask<AdminSignInOutcome> Handle(VerifyAdminCode command, CancellationToken cancellationToken)
    {
        var (admin, attempt, refusal) = await gate.SecondStepAttemptAsync(command.AdminId, command.SecurityStamp, cancellationToken);
        if (admin is null)
            return refusal!;

        var code = command.Code?.Trim() ?? string.Empty;
        if (code.Length == 6 && code.All(char.IsAsciiDigit))
        {
            if (admin.ProtectedTotpSecret is { } secret && totp.MatchTimeStep(secret, code) is { } step && admin.AcceptTotpStep(step))
                return await gate.SucceedAsync(admin, "totp", cancellationToken);
        }
        else if (code.Length > 0 && admin.UseRecoveryCode(RecoveryCodes.Hash(code), clock.GetUtcNow()))
        {
            audit.Record(AuditActions.AdminRecoveryCodeUsed, AuditTarget.Admin(admin.Email), AuditDetails.Of("left", admin.RecoveryCodesLeft));
            return await gate.SucceedAsync(admin, "recovery_code", cancellationToken);
        }
        return gate.Fail(attempt!, admin, "bad_second_factor");
    }
}
