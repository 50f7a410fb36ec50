using AlexaLinkHub.Application.Common.Interfaces;
using AlexaLinkHub.Application.Common.Security;
using AlexaLinkHub.Application.Users;
using AlexaLinkHub.Domain.Audit;
using FluentValidation;
using Mediator;

namespace AlexaLinkHub.Application.Accounts;

/// <summary>The signed-in end user changes their password (the current one is required).</summary>
public sealed record ChangePassword : ICommand<bool>, IEndUserRequest, ISingleSaveCommand
{
    public required string CurrentPassword { get; init; }
    public required string NewPassword { get; init; }
}

public sealed class ChangePasswordValidator : AbstractValidator<ChangePassword>
{
    public ChangePasswordValidator() => RuleFor(x => x.NewPassword).AcceptablePassword();
}

public sealed class ChangePasswordHandler(IEndUserRepository users, IPasswordHasher hasher, ICurrentActor actor, IAuditLog audit)
    : ICommandHandler<ChangePassword, bool>
{
    public async ValueTask<bool> Handle(ChangePassword command, CancellationToken cancellationToken)
    {
        var user = await users.FindByIdAsync(actor.EndUserId!.Value, cancellationToken);
        if (user is not { Enabled: true } || hasher.Verify(user.PasswordHash, command.CurrentPassword ?? string.Empty) == PasswordCheck.Failed)
            return false;
        user.SetPasswordHash(hasher.Hash(command.NewPassword));
        audit.Record(AuditActions.PasswordChanged, AuditTarget.User(user.Id));
        return true;
    }
}
