using AlexaLinkHub.Application.Common.Exceptions;
using AlexaLinkHub.Application.Common.Interfaces;
using AlexaLinkHub.Domain.Audit;
using Mediator;

namespace AlexaLinkHub.Application.Webhooks;

/// <summary>Disables a webhook (it keeps its settings and history and gets no new events) or enables it again.</summary>
public sealed record SetWebhookEnabled(Guid WebhookId, bool Enabled) : ICommand<WebhookDto>, ITenantAdminRequest;

public sealed class SetWebhookEnabledHandler(IWebhookRepository webhooks, IAuditLog audit) : ICommandHandler<SetWebhookEnabled, WebhookDto>
{
    public async ValueTask<WebhookDto> Handle(SetWebhookEnabled command, CancellationToken cancellationToken)
    {
        var endpoint = await webhooks.FindAsync(command.WebhookId, cancellationToken) ?? throw new NotFoundException("Webhook not found.");
        if (endpoint.Enabled != command.Enabled)
        {
            if (command.Enabled)
                endpoint.Enable();
            else
                endpoint.Disable();
            audit.Record(command.Enabled ? AuditActions.WebhookEnabled : AuditActions.WebhookDisabled, AuditTarget.Webhook(endpoint.Id));
        }
        return WebhookDto.From(endpoint);
    }
}
