using AlexaLinkHub.Application.Common.Exceptions;
using AlexaLinkHub.Application.Common.Interfaces;
using AlexaLinkHub.Domain.Audit;
using Mediator;

namespace AlexaLinkHub.Application.Webhooks;

/// <summary>Removes a webhook with its delivery log; nothing more is sent to it.</summary>
public sealed record DeleteWebhook(Guid Id) : ICommand, ITenantAdminRequest;

public sealed class DeleteWebhookHandler(IWebhookRepository webhooks, IAuditLog audit) : ICommandHandler<DeleteWebhook>
{
    public async ValueTask<Unit> Handle(DeleteWebhook command, CancellationToken cancellationToken)
    {
        var endpoint = await webhooks.FindAsync(command.Id, cancellationToken) ?? throw new NotFoundException("Webhook not found.");
        webhooks.Remove(endpoint);
        audit.Record(AuditActions.WebhookDeleted, AuditTarget.Webhook(endpoint.Id));
        return Unit.Value;
    }
}
