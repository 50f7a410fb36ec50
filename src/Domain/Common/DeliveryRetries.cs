namespace AlexaLinkHub.Domain.Common;

/// <summary>The one backoff of every outbox row (emails, webhook deliveries): 30 s after the first failure, four times
/// longer after each next one, at most 24 h apart, and failed for good after <see cref="MaxAttempts"/> attempts — about
/// a day and a half in all, long enough for a receiver's outage, short enough that nobody waits on a dead address.</summary>
public static class DeliveryRetries
{
    public const int MaxAttempts = 8;

    private static readonly TimeSpan s_firstRetry = TimeSpan.FromSeconds(30);
    private static readonly TimeSpan s_longestWait = TimeSpan.FromHours(24);

    /// <summary>The wait before the next attempt, after <paramref name="failedAttempts"/> failed ones.</summary>
    public static TimeSpan Delay(int failedAttempts)
    {
        var seconds = s_firstRetry.TotalSeconds * Math.Pow(4, Math.Max(0, failedAttempts - 1));
        return seconds >= s_longestWait.TotalSeconds ? s_longestWait : TimeSpan.FromSeconds(seconds);
    }
}
