using AlexaLinkHub.Application.Users;
using AlexaLinkHub.Application.Common.Interfaces;
using AlexaLinkHub.Application.Common.Security;
using AlexaLinkHub.Domain.Audit;
using FluentValidation;
using Mediator;
using Microsoft.Extensions.Options;

namespace AlexaLinkHub.Application.Admins;

/// <summary>The invited admin chooses a password with the link from the invitation email, and is signed in. The link
/// works once (the new password changes the security stamp it carries) and for <see cref="AdminSignInOptions.InvitationLifetime"/>.
/// Null when the link is not (or no longer) valid.</summary>
public sealed record AcceptAdminInvitation : ICommand<AdminIdentity?>, IPublicRequest, ISingleSaveCommand
{
    public required string Token { get; init; }
    public required string Password { get; init; }
}

public sealed class AcceptAdminInvitationValidator : AbstractValidator<AcceptAdminInvitation>
{
    public AcceptAdminInvitationValidator() => RuleFor(x => x.Password).AcceptablePassword();
}

public sealed class AcceptAdminInvitationHandler(
    IAdminUserRepository admins,
    IAdminTokens tokens,
    IPasswordHasher hasher,
    IAuditLog audit,
    IAdminSignInThrottleRepository throttles,
    IAdminMfaPolicy mfa,
    IOptions<AdminSignInOptions> options,
    TimeProvider clock) : ICommandHandler<AcceptAdminInvitation, AdminIdentity?>
{
    public async ValueTask<AdminIdentity?> Handle(AcceptAdminInvitation command, CancellationToken cancellationToken)
    {
        var admin = await AdminTokenCheck.AdminForAsync(tokens.ReadInvitation, admins, clock, options.Value.InvitationLifetime, command.Token, cancellationToken);
        return admin is null ? null : await AdminTokenCheck.ChoosePasswordAsync(admin, command.Password, hasher, audit, throttles, mfa, AuditActions.AdminInvitationAccepted, cancellationToken);
    }
}
