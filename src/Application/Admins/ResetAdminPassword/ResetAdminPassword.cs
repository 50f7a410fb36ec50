using AlexaLinkHub.Application.Users;
using AlexaLinkHub.Application.Common.Interfaces;
using AlexaLinkHub.Domain.Audit;
using FluentValidation;
using Mediator;

namespace AlexaLinkHub.Application.Admins;

/// <summary>The admin chooses a new password with the link from the reset email, and is signed in. The new password
/// changes the security stamp: the link works once, and every other session of the admin ends. A lockout is lifted.
/// Null when the link is not (or no longer) valid.</summary>
public sealed record ResetAdminPassword : ICommand<AdminIdentity?>, IPublicRequest, ISingleSaveCommand
{
    public required string Token { get; init; }
    public required string Password { get; init; }
}

public sealed class ResetAdminPasswordValidator : AbstractValidator<ResetAdminPassword>
{
    public ResetAdminPasswordValidator() => RuleFor(x => x.Password).AcceptablePassword();
}

public sealed class ResetAdminPasswordHandler(AdminTokenCheck links) : ICommandHandler<ResetAdminPassword, AdminIdentity?>
{
    public async ValueTask<AdminIdentity?> Handle(ResetAdminPassword command, CancellationToken cancellationToken) =>
        await links.ChoosePasswordAsync(await links.ResettingAsync(command.Token, cancellationToken), command.Password, AuditActions.AdminPasswordReset, cancellationToken);
}
