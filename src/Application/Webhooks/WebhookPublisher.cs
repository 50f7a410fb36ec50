using System.Text.Json;
using System.Text.Json.Serialization;
using AlexaLinkHub.Domain.Webhooks;

namespace AlexaLinkHub.Application.Webhooks;

/// <summary>What an event says about a link: the skill, the end user, the scopes and why it ended.</summary>
public sealed record WebhookEventData(string? ClientId, Guid? UserId, IReadOnlyList<string> Scopes, string? Reason);

/// <summary>Puts an event in the webhook outbox of its tenant: one delivery row per subscribed endpoint, staged in the
/// unit of work of the change it reports, so the event exists exactly when the change was committed.</summary>
public sealed class WebhookPublisher(IWebhookRepository webhooks, TimeProvider clock)
{
    private static readonly JsonSerializerOptions s_json = new(JsonSerializerDefaults.Web)
    {
        DefaultIgnoreCondition = JsonIgnoreCondition.Never,
    };

    private IReadOnlyList<WebhookEndpoint>? _endpoints;

    public async Task PublishAsync(Guid tenantId, string eventType, WebhookEventData data, CancellationToken cancellationToken)
    {
        // A command runs in one tenant; its endpoints are read once however many events it raises.
        _endpoints ??= await webhooks.ListAsync(cancellationToken);
        var subscribed = _endpoints.Where(e => e.TenantId == tenantId && e.IsSubscribedTo(eventType)).ToList();
        if (subscribed.Count == 0)
            return;
        var now = clock.GetUtcNow();
        var payload = Payload(eventType, now, data);
        foreach (var endpoint in subscribed)
            webhooks.AddDelivery(WebhookDelivery.Create(tenantId, endpoint.Id, eventType, payload, now));
    }

    /// <summary>The body: <c>{"type", "timestamp", "data": {"clientId", "userId", "scopes", "reason"}}</c> (Standard
    /// Webhooks' recommended shape).</summary>
    public static string Payload(string eventType, DateTimeOffset occurredAt, WebhookEventData data) =>
        JsonSerializer.Serialize(new
        {
            type = eventType,
            timestamp = occurredAt.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fffffff'Z'", System.Globalization.CultureInfo.InvariantCulture),
            data = new
            {
                clientId = data.ClientId,
                userId = data.UserId?.ToString(),
                scopes = data.Scopes,
                reason = data.Reason,
            },
        }, s_json);
}
