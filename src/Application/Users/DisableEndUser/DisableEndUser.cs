using AlexaLinkHub.Application.Common.Exceptions;
using AlexaLinkHub.Application.Common.Interfaces;
using AlexaLinkHub.Application.Webhooks;
using AlexaLinkHub.Domain.Audit;
using AlexaLinkHub.Domain.Webhooks;
using Mediator;

namespace AlexaLinkHub.Application.Users;

/// <summary>Disables an end user: they cannot sign in, and their tokens stop working at once (introspection and userinfo
/// check the user on every call) — but nothing is revoked, so enabling them again restores their links. A
/// <c>user.disabled</c> webhook tells skill backends to drop what they cached for the user (the kit evicts on it).</summary>
public sealed record DisableEndUser(Guid Id) : ICommand, ITenantAdminRequest;

public sealed class DisableEndUserHandler(IEndUserRepository users, IAuditLog audit, WebhookPublisher webhooks, TimeProvider clock) : ICommandHandler<DisableEndUser>
{
    public async ValueTask<Unit> Handle(DisableEndUser command, CancellationToken cancellationToken)
    {
        var user = await users.FindByIdAsync(command.Id, cancellationToken) ?? throw new NotFoundException("User not found.");
        if (!user.Enabled)
            return Unit.Value;
        user.Disable(clock.GetUtcNow());
        audit.Record(AuditActions.UserDisabled, AuditTarget.User(user.Id));
        await webhooks.PublishAsync(user.TenantId, WebhookEvents.UserDisabled, new WebhookEventData(ClientId: null, user.Id, [], Reason: "user_disabled"), cancellationToken);
        return Unit.Value;
    }
}
