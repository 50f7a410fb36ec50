using AlexaLinkHub.Domain.Common;

namespace AlexaLinkHub.Infrastructure.Email;

/// <summary>A row of the email outbox: written with the change that caused it, delivered by a job (<see cref="EmailDelivery"/>).</summary>
public sealed class OutboundEmail : ITenantOrPlatformOwned
{
    public const int MaxAttempts = 8;

    public Guid Id { get; set; }
    public Guid? TenantId { get; set; }
    public string To { get; set; } = string.Empty;
    public string Subject { get; set; } = string.Empty;
    public string TextBody { get; set; } = string.Empty;
    public string HtmlBody { get; set; } = string.Empty;
    public string? FromName { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset NextAttemptAt { get; set; }
    public int Attempts { get; set; }
    public DateTimeOffset? SentAt { get; set; }
    public DateTimeOffset? FailedAt { get; set; }
    public string? LastError { get; set; }

    /// <summary>Exponential backoff: 30 s, 1 min, 2 min, … up to 8 tries, then it is marked failed.</summary>
    public void RecordFailure(string error, DateTimeOffset now)
    {
        Attempts++;
        LastError = error.Length > 1000 ? error[..1000] : error;
        if (Attempts >= MaxAttempts)
            FailedAt = now;
        else
            NextAttemptAt = now + TimeSpan.FromSeconds(30 * Math.Pow(2, Attempts - 1));
    }
}
