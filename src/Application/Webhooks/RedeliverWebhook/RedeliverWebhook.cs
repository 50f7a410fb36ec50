using AlexaLinkHub.Application.Common.Exceptions;
using AlexaLinkHub.Application.Common.Interfaces;
using AlexaLinkHub.Domain.Audit;
using AlexaLinkHub.Domain.Webhooks;
using Mediator;

namespace AlexaLinkHub.Application.Webhooks;

/// <summary>Sends a failed delivery of the webhook once more, with the same <c>webhook-id</c> and bytes
/// (<see cref="WebhookDelivery.Redeliver"/>). <see cref="DeliveryId"/> is the id the deliveries list shows (<c>msg_…</c>).</summary>
public sealed record RedeliverWebhook(Guid WebhookId, string DeliveryId) : ICommand<WebhookDeliveryDto>, ITenantAdminRequest;

public sealed class RedeliverWebhookHandler(IWebhookRepository webhooks, IAuditLog audit, TimeProvider clock)
    : ICommandHandler<RedeliverWebhook, WebhookDeliveryDto>
{
    public async ValueTask<WebhookDeliveryDto> Handle(RedeliverWebhook command, CancellationToken cancellationToken)
    {
        var delivery = WebhookDelivery.TryParseMessageId(command.DeliveryId, out var id)
            ? await webhooks.FindDeliveryAsync(id, cancellationToken)
            : null;
        if (delivery is null || delivery.EndpointId != command.WebhookId)
            throw new NotFoundException("Delivery not found.");
        delivery.Redeliver(clock.GetUtcNow());
        audit.Record(AuditActions.WebhookRedelivered, AuditTarget.Webhook(delivery.EndpointId), AuditDetails.Of("deliveryId", delivery.MessageId));
        return WebhookDeliveryDto.From(delivery);
    }
}
