using AlexaLinkHub.Application.Common.Exceptions;
using AlexaLinkHub.Application.Common.Interfaces;
using Mediator;

namespace AlexaLinkHub.Application.Webhooks;

/// <summary>The delivery log of a webhook, newest first: status, next attempt and every attempt with its answer.</summary>
public sealed record ListWebhookDeliveries(Guid WebhookId, int Limit = 50) : IQuery<IReadOnlyList<WebhookDeliveryDto>>, ITenantAdminRequest;

public sealed class ListWebhookDeliveriesHandler(IWebhookRepository webhooks) : IQueryHandler<ListWebhookDeliveries, IReadOnlyList<WebhookDeliveryDto>>
{
    public async ValueTask<IReadOnlyList<WebhookDeliveryDto>> Handle(ListWebhookDeliveries query, CancellationToken cancellationToken)
    {
        _ = await webhooks.FindAsync(query.WebhookId, cancellationToken) ?? throw new NotFoundException("Webhook not found.");
        var deliveries = await webhooks.ListDeliveriesAsync(query.WebhookId, Math.Clamp(query.Limit, 1, 200), cancellationToken);
        return deliveries.Select(WebhookDeliveryDto.From).ToList();
    }
}
