using AlexaLinkHub.Domain.Common;

namespace AlexaLinkHub.Domain.Emails;

/// <summary>A row of the email outbox: written with the change that caused it, delivered by a job, retried with the
/// outbox's backoff (<see cref="DeliveryRetries"/>). A platform email (an admin's password reset) has no tenant.</summary>
public sealed class OutboundEmail : ITenantOrPlatformOwned
{
    public const int MaxErrorLength = 1000;

    private OutboundEmail()
    {
        To = null!;
        Subject = null!;
        TextBody = null!;
        HtmlBody = null!;
    }

    public Guid Id { get; private set; }
    public Guid? TenantId { get; private set; }
    public string To { get; private set; }
    public string Subject { get; private set; }
    public string TextBody { get; private set; }
    public string HtmlBody { get; private set; }
    public string? FromName { get; private set; }
    public DateTimeOffset CreatedAt { get; private set; }

    /// <summary>When the next attempt is due. While an attempt runs it is pushed ahead as a lease.</summary>
    public DateTimeOffset NextAttemptAt { get; private set; }
    public int Attempts { get; private set; }
    public DateTimeOffset? SentAt { get; private set; }
    public DateTimeOffset? FailedAt { get; private set; }
    public string? LastError { get; private set; }

    public static OutboundEmail Queue(Guid? tenantId, string to, string subject, string textBody, string htmlBody, string? fromName, DateTimeOffset now)
    {
        if (string.IsNullOrWhiteSpace(to) || string.IsNullOrWhiteSpace(subject))
            throw new DomainException("An email has a recipient and a subject.");
        return new OutboundEmail
        {
            Id = Guid.CreateVersion7(now),
            TenantId = tenantId,
            To = to,
            Subject = subject,
            TextBody = textBody ?? string.Empty,
            HtmlBody = htmlBody ?? string.Empty,
            FromName = fromName,
            CreatedAt = now,
            NextAttemptAt = now,
        };
    }

    public void RecordSent(DateTimeOffset at)
    {
        Attempts++;
        SentAt = at;
    }

    /// <summary>A failed attempt: the next one is due after the outbox's backoff, or after the last one it has failed.</summary>
    public void RecordFailure(string error, DateTimeOffset now)
    {
        Attempts++;
        LastError = error.Length > MaxErrorLength ? error[..MaxErrorLength] : error;
        if (Attempts >= DeliveryRetries.MaxAttempts)
            FailedAt = now;
        else
            NextAttemptAt = now + DeliveryRetries.Delay(Attempts);
    }
}
