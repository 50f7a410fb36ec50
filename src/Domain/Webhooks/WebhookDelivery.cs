using AlexaLinkHub.Domain.Common;

namespace AlexaLinkHub.Domain.Webhooks;

public enum WebhookDeliveryStatus
{
    Pending,
    Succeeded,
    Failed,
}

/// <summary>One event on its way to one endpoint (a row of the webhook outbox, written in the transaction of the change
/// it reports). Its id is the <c>webhook-id</c> header and stays the same on every attempt, so a receiver can drop
/// duplicates: delivery is at least once. A non-2xx answer or a timeout is retried with the outbox's backoff
/// (<see cref="DeliveryRetries"/>).</summary>
public sealed class WebhookDelivery : ITenantOwned
{
    public const int MaxErrorLength = 500;

    private readonly List<WebhookAttempt> _attempts = [];

    private WebhookDelivery()
    {
        EventType = null!;
        Payload = null!;
    }

    public Guid Id { get; private set; }
    public Guid TenantId { get; private set; }
    public Guid EndpointId { get; private set; }
    public string EventType { get; private set; }

    /// <summary>The JSON body, fixed when the event happened: every attempt sends (and signs) the same bytes.</summary>
    public string Payload { get; private set; }
    public DateTimeOffset CreatedAt { get; private set; }
    public WebhookDeliveryStatus Status { get; private set; }

    /// <summary>When the next attempt is due (null once delivered or failed). While an attempt runs it is pushed ahead
    /// as a lease, so that no second worker sends the same delivery at the same time.</summary>
    public DateTimeOffset? NextAttemptAt { get; private set; }
    public DateTimeOffset? CompletedAt { get; private set; }
    public IReadOnlyList<WebhookAttempt> Attempts => _attempts;

    /// <summary>The <c>webhook-id</c> header.</summary>
    public string MessageId => $"msg_{Id:N}";

    /// <summary>The delivery id in a <see cref="MessageId"/> (as the deliveries list shows it).</summary>
    public static bool TryParseMessageId(string? messageId, out Guid id)
    {
        id = Guid.Empty;
        return messageId is { Length: 36 } && messageId.StartsWith("msg_", StringComparison.Ordinal) && Guid.TryParseExact(messageId[4..], "N", out id);
    }

    public static WebhookDelivery Create(Guid tenantId, Guid endpointId, string eventType, string payload, DateTimeOffset now)
    {
        if (tenantId == Guid.Empty || endpointId == Guid.Empty)
            throw new DomainException("A delivery names a tenant and an endpoint.");
        if (string.IsNullOrWhiteSpace(eventType) || string.IsNullOrWhiteSpace(payload))
            throw new DomainException("A delivery carries an event.");
        return new WebhookDelivery
        {
            Id = Guid.CreateVersion7(now),
            TenantId = tenantId,
            EndpointId = endpointId,
            EventType = eventType,
            Payload = payload,
            CreatedAt = now,
            Status = WebhookDeliveryStatus.Pending,
            NextAttemptAt = now,
        };
    }

    /// <summary>Records the outcome of one attempt: a 2xx answer delivers it; anything else (another status, a timeout, a
    /// refused address) schedules the next attempt or, after <see cref="DeliveryRetries.MaxAttempts"/>, marks it failed.</summary>
    public void RecordAttempt(DateTimeOffset at, int? statusCode, string? error, TimeSpan duration)
    {
        if (Status != WebhookDeliveryStatus.Pending)
            throw new DomainException("This delivery is already complete.");
        var succeeded = statusCode is >= 200 and <= 299;
        _attempts.Add(new WebhookAttempt(
            _attempts.Count + 1,
            at,
            statusCode,
            succeeded ? null : Truncate(error ?? $"HTTP {statusCode}"),
            (int)Math.Clamp(duration.TotalMilliseconds, 0, int.MaxValue)));

        if (succeeded)
        {
            Complete(WebhookDeliveryStatus.Succeeded, at);
        }
        else if (_attempts.Count >= DeliveryRetries.MaxAttempts)
        {
            Complete(WebhookDeliveryStatus.Failed, at);
        }
        else
        {
            NextAttemptAt = at + DeliveryRetries.Delay(_attempts.Count);
        }
    }

    /// <summary>A failed delivery is sent once more (the vendor fixed their receiver): due now, with the same id and bytes,
    /// so a receiver that did get it after all can still drop the duplicate. Its earlier attempts stay in its history, so
    /// a failure of this one attempt marks it failed again (it has had its retries).</summary>
    public void Redeliver(DateTimeOffset now)
    {
        if (Status != WebhookDeliveryStatus.Failed)
            throw new DomainException("Only a failed delivery is sent again; a pending one is still being retried.");
        Status = WebhookDeliveryStatus.Pending;
        CompletedAt = null;
        NextAttemptAt = now;
    }

    private void Complete(WebhookDeliveryStatus status, DateTimeOffset at)
    {
        Status = status;
        CompletedAt = at;
        NextAttemptAt = null;
    }

    private static string Truncate(string value) => value.Length <= MaxErrorLength ? value : value[..MaxErrorLength];
}

/// <summary>One try: when, the receiver's status code (none when it could not be reached or timed out), what went wrong.</summary>
public sealed class WebhookAttempt
{
    private WebhookAttempt()
    {
    }

    internal WebhookAttempt(int number, DateTimeOffset at, int? statusCode, string? error, int durationMs)
    {
        Number = number;
        At = at;
        StatusCode = statusCode;
        Error = error;
        DurationMs = durationMs;
    }

    public int Number { get; private set; }
    public DateTimeOffset At { get; private set; }
    public int? StatusCode { get; private set; }
    public string? Error { get; private set; }
    public int DurationMs { get; private set; }
}
