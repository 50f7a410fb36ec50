using AlexaLinkHub.Application.Common.Exceptions;
using AlexaLinkHub.Application.Common.Interfaces;
using AlexaLinkHub.Domain.Audit;
using AlexaLinkHub.Domain.Webhooks;
using Mediator;

namespace AlexaLinkHub.Application.Webhooks;

/// <summary>Queues a <c>webhook.test</c> event for one endpoint, signed and retried like any other.</summary>
public sealed record SendTestWebhook(Guid WebhookId) : ICommand<WebhookDeliveryDto>, ITenantAdminRequest;

public sealed class SendTestWebhookHandler(IWebhookRepository webhooks, IAuditLog audit, TimeProvider clock)
    : ICommandHandler<SendTestWebhook, WebhookDeliveryDto>
{
    public async ValueTask<WebhookDeliveryDto> Handle(SendTestWebhook command, CancellationToken cancellationToken)
    {
        var endpoint = await webhooks.FindAsync(command.WebhookId, cancellationToken) ?? throw new NotFoundException("Webhook not found.");
        var now = clock.GetUtcNow();
        var payload = WebhookPublisher.Payload(WebhookEvents.Test, now, new WebhookEventData(null, null, [], "test"));
        var delivery = WebhookDelivery.Create(endpoint.TenantId, endpoint.Id, WebhookEvents.Test, payload, now);
        webhooks.AddDelivery(delivery);
        audit.Record(AuditActions.WebhookTestSent, AuditTarget.Webhook(endpoint.Id), AuditDetails.Of("deliveryId", delivery.MessageId));
        return WebhookDeliveryDto.From(delivery);
    }
}
