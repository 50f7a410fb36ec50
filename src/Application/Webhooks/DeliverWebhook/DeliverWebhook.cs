using AlexaLinkHub.Application.Common.Interfaces;
using AlexaLinkHub.Application.Common.Models;
using AlexaLinkHub.Application.Common.Telemetry;
using AlexaLinkHub.Application.Common.Tenancy;
using AlexaLinkHub.Domain.Webhooks;
using Mediator;

namespace AlexaLinkHub.Application.Webhooks;

/// <summary>One attempt at one delivery (sent by the delivery job, in the delivery's tenant). The HTTP call happens
/// outside any transaction: the delivery is claimed first with a lease, then sent, then its outcome saved.</summary>
public sealed record DeliverWebhook(Guid DeliveryId) : ICommand<DeliveryOutcome>, IPlatformAdminRequest, ISingleSaveCommand;

public sealed class DeliverWebhookHandler(
    IWebhookRepository webhooks,
    IWebhookSecretProtector protector,
    IWebhookTransport transport,
    ITenantContext tenant,
    TimeProvider clock) : ICommandHandler<DeliverWebhook, DeliveryOutcome>
{
    /// <summary>Longer than any attempt can take (the transport's timeout): a crashed worker's delivery is due again after it.</summary>
    public static readonly TimeSpan Lease = TimeSpan.FromMinutes(2);

    public async ValueTask<DeliveryOutcome> Handle(DeliverWebhook command, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var delivery = await webhooks.ClaimAsync(command.DeliveryId, now, now + Lease, cancellationToken);
        if (delivery is null)
            return await webhooks.DeliveryExistsAsync(command.DeliveryId, cancellationToken) ? DeliveryOutcome.NotDue : DeliveryOutcome.NotFound;

        // Deleting an endpoint deletes its deliveries, so the endpoint is there.
        var endpoint = await webhooks.FindAsync(delivery.EndpointId, cancellationToken)
            ?? throw new InvalidOperationException($"Delivery {delivery.Id} has no endpoint.");
        var response = await transport.SendAsync(
            new WebhookRequest(endpoint.Url, delivery.MessageId, clock.GetUtcNow(), delivery.Payload, protector.Unprotect(endpoint.ProtectedSecret)),
            cancellationToken);
        delivery.RecordAttempt(clock.GetUtcNow(), response.StatusCode, response.Error, response.Duration);

        var outcome = delivery.Status switch
        {
            WebhookDeliveryStatus.Succeeded => new DeliveryOutcome(DeliveryResult.Delivered),
            WebhookDeliveryStatus.Failed => new DeliveryOutcome(DeliveryResult.Failed),
            _ => new DeliveryOutcome(DeliveryResult.WillRetry, delivery.NextAttemptAt),
        };
        LinkHubMetrics.WebhookAttempted(tenant.TenantSlug, outcome.Result switch
        {
            DeliveryResult.Delivered => "delivered",
            DeliveryResult.Failed => "failed",
            _ => "retry",
        });
        return outcome;
    }
}
