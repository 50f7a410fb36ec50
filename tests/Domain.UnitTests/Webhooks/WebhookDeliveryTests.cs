using AlexaLinkHub.Domain.Common;
using AlexaLinkHub.Domain.Webhooks;

namespace AlexaLinkHub.Domain.UnitTests.Webhooks;

public class WebhookDeliveryTests
{
    private static readonly DateTimeOffset s_now = new(2026, 11, 25, 12, 0, 0, TimeSpan.Zero);

    private static WebhookDelivery NewDelivery() =>
        WebhookDelivery.Create(Guid.NewGuid(), Guid.NewGuid(), WebhookEvents.AccountLinked, """{"type":"account.linked"}""", s_now);

    [Fact]
    public void Create_IsPendingAndDueAtOnce_WithAStableMessageId()
    {
        var delivery = NewDelivery();

        Assert.Equal(WebhookDeliveryStatus.Pending, delivery.Status);
        Assert.Equal(s_now, delivery.NextAttemptAt);
        Assert.Empty(delivery.Attempts);
        Assert.Matches("^msg_[0-9a-f]{32}$", delivery.MessageId);
        Assert.Equal($"msg_{delivery.Id:N}", delivery.MessageId);
    }

    [Theory]
    [InlineData(200)]
    [InlineData(204)]
    [InlineData(299)]
    public void RecordAttempt_2xx_Delivers(int status)
    {
        var delivery = NewDelivery();

        delivery.RecordAttempt(s_now.AddSeconds(1), status, null, TimeSpan.FromMilliseconds(40));

        Assert.Equal(WebhookDeliveryStatus.Succeeded, delivery.Status);
        Assert.Null(delivery.NextAttemptAt);
        Assert.Equal(s_now.AddSeconds(1), delivery.CompletedAt);
        var attempt = Assert.Single(delivery.Attempts);
        Assert.Equal((1, status, (string?)null, 40), (attempt.Number, attempt.StatusCode!.Value, attempt.Error, attempt.DurationMs));
    }

    [Theory]
    [InlineData(500, null, "HTTP 500")]
    [InlineData(302, null, "HTTP 302")]
    [InlineData(null, "No answer within 10 s.", "No answer within 10 s.")]
    public void RecordAttempt_FirstFailure_RetriesWithinAMinute(int? status, string? error, string recorded)
    {
        var delivery = NewDelivery();
        var at = s_now.AddSeconds(2);

        delivery.RecordAttempt(at, status, error, TimeSpan.FromSeconds(1));

        Assert.Equal(WebhookDeliveryStatus.Pending, delivery.Status);
        Assert.Equal(at.AddSeconds(30), delivery.NextAttemptAt);
        Assert.Equal(recorded, Assert.Single(delivery.Attempts).Error);
    }

    [Fact]
    public void RetryDelay_GrowsExponentiallyUpToADay()
    {
        var delays = Enumerable.Range(1, 8).Select(DeliveryRetries.Delay).ToList();

        Assert.Equal(TimeSpan.FromSeconds(30), delays[0]);
        Assert.Equal(TimeSpan.FromMinutes(2), delays[1]);
        Assert.Equal(TimeSpan.FromMinutes(8), delays[2]);
        Assert.All(delays.Zip(delays.Skip(1)), pair => Assert.True(pair.Second >= pair.First));
        Assert.Equal(TimeSpan.FromHours(24), delays[^1]);
    }

    [Fact]
    public void RecordAttempt_MaxAttemptsFailed_MarksFailedAndStops()
    {
        var delivery = NewDelivery();
        var at = s_now;
        for (var i = 0; i < DeliveryRetries.MaxAttempts; i++)
        {
            Assert.Equal(WebhookDeliveryStatus.Pending, delivery.Status);
            delivery.RecordAttempt(at, 503, null, TimeSpan.Zero);
            at = delivery.NextAttemptAt ?? at;
        }

        Assert.Equal(WebhookDeliveryStatus.Failed, delivery.Status);
        Assert.Null(delivery.NextAttemptAt);
        Assert.Equal(Enumerable.Range(1, DeliveryRetries.MaxAttempts), delivery.Attempts.Select(a => a.Number));
        Assert.Throws<DomainException>(() => delivery.RecordAttempt(at, 200, null, TimeSpan.Zero));
    }

    [Fact]
    public void Redeliver_Failed_IsDueAgainWithItsHistory_AndOneMoreFailureEndsIt()
    {
        var delivery = NewDelivery();
        var pending = Assert.Throws<DomainException>(() => delivery.Redeliver(s_now));
        for (var i = 0; i < DeliveryRetries.MaxAttempts; i++)
            delivery.RecordAttempt(s_now, 500, null, TimeSpan.Zero);
        var later = s_now.AddDays(3);

        delivery.Redeliver(later);
        var dueAgain = (delivery.Status, delivery.NextAttemptAt, delivery.CompletedAt);
        delivery.RecordAttempt(later, 502, null, TimeSpan.Zero);

        Assert.Contains("failed", pending.Message, StringComparison.Ordinal);
        Assert.Equal((WebhookDeliveryStatus.Pending, (DateTimeOffset?)later, (DateTimeOffset?)null), dueAgain);
        Assert.Equal(WebhookDeliveryStatus.Failed, delivery.Status);
        Assert.Equal(DeliveryRetries.MaxAttempts + 1, delivery.Attempts.Count);
        Assert.True(WebhookDelivery.TryParseMessageId(delivery.MessageId, out var id) && id == delivery.Id);
        Assert.False(WebhookDelivery.TryParseMessageId("msg_nothex", out _));
    }

    [Fact]
    public void RecordAttempt_LongError_IsTruncated()
    {
        var delivery = NewDelivery();

        delivery.RecordAttempt(s_now, null, new string('x', 2000), TimeSpan.Zero);

        Assert.Equal(WebhookDelivery.MaxErrorLength, Assert.Single(delivery.Attempts).Error!.Length);
    }
}
