namespace AlexaLinkHub.Application.Common.Models;

/// <summary>What one delivery job did with one outbox row (an email or a webhook).</summary>
public enum DeliveryResult
{
    /// <summary>No such row in the scope the job runs in (another tenant's, or deleted).</summary>
    NotFound,

    /// <summary>Not due yet, already being sent by another worker, or already complete.</summary>
    NotDue,

    Delivered,

    /// <summary>The attempt failed; <see cref="DeliveryOutcome.RetryAt"/> says when the next one is due.</summary>
    WillRetry,

    /// <summary>The attempt failed and was the last one.</summary>
    Failed,
}

public sealed record DeliveryOutcome(DeliveryResult Result, DateTimeOffset? RetryAt = null)
{
    public static DeliveryOutcome NotFound { get; } = new(DeliveryResult.NotFound);
    public static DeliveryOutcome NotDue { get; } = new(DeliveryResult.NotDue);
}

/// <summary>An outbox row whose attempt is overdue, and the tenant it belongs to (null: the platform's).</summary>
public sealed record DueDelivery(Guid? TenantId, Guid Id);
