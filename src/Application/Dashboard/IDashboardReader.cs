namespace AlexaLinkHub.Application.Dashboard;

/// <summary>A link as the statistics count it: which skill, when.</summary>
public sealed record LinkMade(string ClientId, DateTimeOffset At);

/// <summary>A failed link attempt as recorded in the audit trail (action <c>link.failed</c>); its details hold the reason
/// and the client id.</summary>
public sealed record RecordedLinkFailure(DateTimeOffset At, string? Details);

/// <summary>Counts for the tenant in scope's dashboard.</summary>
public interface IDashboardReader
{
    /// <summary>End users with at least one live link, and live links.</summary>
    Task<(int LinkedAccounts, int LiveLinks)> CountLinksAsync(CancellationToken cancellationToken);

    /// <summary>Live links per skill client id.</summary>
    Task<IReadOnlyDictionary<string, int>> CountLiveLinksPerSkillAsync(CancellationToken cancellationToken);

    /// <summary>Access and refresh tokens that are valid and unexpired at <paramref name="now"/>.</summary>
    Task<int> CountActiveTokensAsync(DateTimeOffset now, CancellationToken cancellationToken);

    /// <summary>Each link made since <paramref name="since"/>.</summary>
    Task<IReadOnlyList<LinkMade>> LinksSinceAsync(DateTimeOffset since, CancellationToken cancellationToken);

    /// <summary>Each failed link attempt since <paramref name="since"/>.</summary>
    Task<IReadOnlyList<RecordedLinkFailure>> FailedLinksSinceAsync(DateTimeOffset since, CancellationToken cancellationToken);

    /// <summary>Webhook attempts that failed since <paramref name="since"/>, and deliveries given up on since then.</summary>
    Task<(int FailedAttempts, int FailedDeliveries)> CountWebhookFailuresSinceAsync(DateTimeOffset since, CancellationToken cancellationToken);
}
