using AlexaLinkHub.Application.Common.Exceptions;
using AlexaLinkHub.Application.Common.Interfaces;
using AlexaLinkHub.Domain.Audit;
using Mediator;

namespace AlexaLinkHub.Application.Users;

public sealed record EnableEndUser(Guid Id) : ICommand, ITenantAdminRequest;

public sealed class EnableEndUserHandler(IEndUserRepository users, IAuditLog audit) : ICommandHandler<EnableEndUser>
{
    public async ValueTask<Unit> Handle(EnableEndUser command, CancellationToken cancellationToken)
    {
        var user = await users.FindByIdAsync(command.Id, cancellationToken) ?? throw new NotFoundException("User not found.");
        if (user.Enabled)
            return Unit.Value;
        user.Enable();
        audit.Record(AuditActions.UserEnabled, AuditTarget.User(user.Id));
        return Unit.Value;
    }
}
