using AlexaLinkHub.Domain.Webhooks;

namespace AlexaLinkHub.Application.Webhooks;

public sealed record WebhookDto(Guid Id, string Url, IReadOnlyList<string> Events, bool Enabled, DateTimeOffset CreatedAt)
{
    public static WebhookDto From(WebhookEndpoint endpoint) => new(endpoint.Id, endpoint.Url, endpoint.Events, endpoint.Enabled, endpoint.CreatedAt);
}

/// <summary>The answer to creating a webhook: the only time the signing secret is shown.</summary>
public sealed record CreatedWebhookDto(Guid Id, string Secret, string Url, IReadOnlyList<string> Events, DateTimeOffset CreatedAt);

/// <summary>A delivery as the vendor's admin sees it. <see cref="Id"/> is the <c>webhook-id</c> header it was sent with.</summary>
public sealed record WebhookDeliveryDto(
    string Id,
    string EventType,
    string Status,
    DateTimeOffset CreatedAt,
    DateTimeOffset? NextAttemptAt,
    DateTimeOffset? CompletedAt,
    IReadOnlyList<WebhookAttemptDto> Attempts)
{
    public static WebhookDeliveryDto From(WebhookDelivery delivery) => new(
        delivery.MessageId,
        delivery.EventType,
        delivery.Status.ToString().ToLowerInvariant(),
        delivery.CreatedAt,
        delivery.NextAttemptAt,
        delivery.CompletedAt,
        delivery.Attempts.OrderBy(a => a.Number).Select(a => new WebhookAttemptDto(a.Number, a.At, a.StatusCode, a.Error, a.DurationMs)).ToList());
}

public sealed record WebhookAttemptDto(int Number, DateTimeOffset At, int? StatusCode, string? Error, int DurationMs);
