using AlexaLinkHub.Domain.Common;
using AlexaLinkHub.Domain.Emails;

namespace AlexaLinkHub.Domain.UnitTests.Emails;

/// <summary>An outbox email is due at once, retried with the outbox's one backoff, and failed for good after its last try.</summary>
public sealed class OutboundEmailTests
{
    private static OutboundEmail Queue() => OutboundEmail.Queue(Guid.NewGuid(), "jo@example.com", "Reset your password", "text", "<p>html</p>", "Acme", TestTime.Now);

    [Fact]
    public void Queue_IsDueAtOnceAndNotYetAttempted()
    {
        var email = Queue();

        Assert.Equal((TestTime.Now, 0, (DateTimeOffset?)null, (DateTimeOffset?)null), (email.NextAttemptAt, email.Attempts, email.SentAt, email.FailedAt));
    }

    [Fact]
    public void RecordFailure_SchedulesTheNextAttemptWithTheOutboxBackoff()
    {
        var email = Queue();

        email.RecordFailure("smtp down", TestTime.Now);
        email.RecordFailure("smtp down", TestTime.Now.AddMinutes(1));

        Assert.Equal(TestTime.Now.AddMinutes(1) + DeliveryRetries.Delay(2), email.NextAttemptAt);
        Assert.Equal(("smtp down", 2), (email.LastError, email.Attempts));
        Assert.Null(email.FailedAt);
    }

    [Fact]
    public void RecordFailure_TheLastAttempt_MarksItFailed()
    {
        var email = Queue();

        for (var i = 0; i < DeliveryRetries.MaxAttempts; i++)
            email.RecordFailure("mailbox unavailable", TestTime.Now);

        Assert.Equal(TestTime.Now, email.FailedAt);
        Assert.Null(email.SentAt);
    }

    [Fact]
    public void RecordSent_CountsTheAttemptAndCompletesIt()
    {
        var email = Queue();

        email.RecordSent(TestTime.Now.AddSeconds(2));

        Assert.Equal((TestTime.Now.AddSeconds(2), 1), (email.SentAt, email.Attempts));
    }

    [Fact]
    public void Queue_WithoutRecipient_IsRefused() =>
        Assert.Throws<DomainException>(() => OutboundEmail.Queue(null, " ", "subject", "text", "html", null, TestTime.Now));
}
