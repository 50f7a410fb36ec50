using AlexaLinkHub.Application.Common.Interfaces;
using AlexaLinkHub.Application.Users;
using AlexaLinkHub.Domain.Audit;
using Mediator;

namespace AlexaLinkHub.Application.Accounts;

/// <summary>"Sign out everywhere": every session of the signed-in end user ends, on every device and instance, this one
/// included. Linked skills keep working (their tokens are not sessions; unlinking ends those).</summary>
public sealed record SignOutEverywhere : ICommand, IEndUserRequest;

public sealed class SignOutEverywhereHandler(IEndUserRepository users, ICurrentActor actor, IAuditLog audit) : ICommandHandler<SignOutEverywhere>
{
    public async ValueTask<Unit> Handle(SignOutEverywhere command, CancellationToken cancellationToken)
    {
        if (await users.FindByIdAsync(actor.EndUserId!.Value, cancellationToken) is { } user)
        {
            user.RenewSecurityStamp();
            audit.Record(AuditActions.UserSignedOutEverywhere, AuditTarget.User(user.Id));
        }
        return Unit.Value;
    }
}
