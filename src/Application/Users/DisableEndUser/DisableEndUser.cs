using AlexaLinkHub.Application.Common.Exceptions;
using AlexaLinkHub.Application.Common.Interfaces;
using AlexaLinkHub.Domain.Audit;
using Mediator;

namespace AlexaLinkHub.Application.Users;

/// <summary>Disables an end user: they cannot sign in, and their tokens stop working at once (introspection and userinfo
/// check the user on every call) — but nothing is revoked, so enabling them again restores their links.</summary>
public sealed record DisableEndUser(Guid Id) : ICommand, ITenantAdminRequest;

public sealed class DisableEndUserHandler(IEndUserRepository users, IAuditLog audit, TimeProvider clock) : ICommandHandler<DisableEndUser>
{
    public async ValueTask<Unit> Handle(DisableEndUser command, CancellationToken cancellationToken)
    {
        var user = await users.FindByIdAsync(command.Id, cancellationToken) ?? throw new NotFoundException("User not found.");
        if (!user.Enabled)
            return Unit.Value;
        user.Disable(clock.GetUtcNow());
        audit.Record(AuditActions.UserDisabled, AuditTarget.User(user.Id));
        return Unit.Value;
    }
}
