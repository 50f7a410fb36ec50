using AlexaLinkHub.Application.Users;
using AlexaLinkHub.Application.Common.Interfaces;
using AlexaLinkHub.Domain.Audit;
using FluentValidation;
using Mediator;

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

public sealed class AcceptAdminInvitationHandler(AdminTokenCheck links) : ICommandHandler<AcceptAdminInvitation, AdminIdentity?>
{
    public async ValueTask<AdminIdentity?> Handle(AcceptAdminInvitation command, CancellationToken cancellationToken) =>
        await links.ChoosePasswordAsync(await links.InvitedAsync(command.Token, cancellationToken), command.Password, AuditActions.AdminInvitationAccepted, cancellationToken);
}
