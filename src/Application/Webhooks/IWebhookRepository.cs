using AlexaLinkHub.Application.Common.Models;
using AlexaLinkHub.Domain.Webhooks;

namespace AlexaLinkHub.Application.Webhooks;

/// <summary>Webhook endpoints and their deliveries, in the tenant in scope.</summary>
public interface IWebhookRepository
{
    Task<IReadOnlyList<WebhookEndpoint>> ListAsync(CancellationToken cancellationToken);

    Task<WebhookEndpoint?> FindAsync(Guid id, CancellationToken cancellationToken);

    void Add(WebhookEndpoint endpoint);

    void Remove(WebhookEndpoint endpoint);

    void AddDelivery(WebhookDelivery delivery);

    /// <summary>One delivery with its attempts, tracked (to send it again).</summary>
    Task<WebhookDelivery?> FindDeliveryAsync(Guid deliveryId, CancellationToken cancellationToken);

    /// <summary>An endpoint's deliveries, newest first, with their attempts.</summary>
    Task<IReadOnlyList<WebhookDelivery>> ListDeliveriesAsync(Guid endpointId, int max, CancellationToken cancellationToken);

    /// <summary>Deliveries due before <paramref name="dueBefore"/>, oldest first (in the platform scope: of every tenant).</summary>
    Task<IReadOnlyList<DueDelivery>> ListDueAsync(DateTimeOffset dueBefore, int max, CancellationToken cancellationToken);

    /// <summary>Whether the delivery exists in the scope at all (a job for another tenant sees nothing).</summary>
    Task<bool> DeliveryExistsAsync(Guid deliveryId, CancellationToken cancellationToken);

    /// <summary>Takes a due delivery for one attempt: a conditional update pushes its next attempt to
    /// <paramref name="leaseUntil"/>, so a second worker finds it not due. Null when it is not due or another worker won.</summary>
    Task<WebhookDelivery?> ClaimAsync(Guid deliveryId, DateTimeOffset now, DateTimeOffset leaseUntil, CancellationToken cancellationToken);
}

/// <summary>Signing secrets are kept encrypted (ASP.NET Core data protection): we need them back to sign.</summary>
public interface IWebhookSecretProtector
{
    string Protect(string secret);

    string Unprotect(string protectedSecret);
}

public sealed record WebhookRequest(string Url, string MessageId, DateTimeOffset Timestamp, string Payload, string Secret);

/// <summary>The receiver's status code, or none (and an error) when it could not be reached in time.</summary>
public sealed record WebhookResponse(int? StatusCode, string? Error, TimeSpan Duration);

/// <summary>Sends one signed webhook request (Standard Webhooks headers) and never throws for the receiver's failures.</summary>
public interface IWebhookTransport
{
    Task<WebhookResponse> SendAsync(WebhookRequest request, CancellationToken cancellationToken);
}
