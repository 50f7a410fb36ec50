namespace AlexaLinkHub.Application.Dashboard;

/// <summary>Counts for the tenant in scope's dashboard.</summary>
public interface IDashboardReader
{
    /// <summary>End users with at least one live link, and live links.</summary>
    Task<(int LinkedAccounts, int LiveLinks)> CountLinksAsync(CancellationToken cancellationToken);

    /// <summary>Access and refresh tokens that are valid and unexpired at <paramref name="now"/>.</summary>
    Task<int> CountActiveTokensAsync(DateTimeOffset now, CancellationToken cancellationToken);

    /// <summary>When each link made since <paramref name="since"/> was made.</summary>
    Task<IReadOnlyList<DateTimeOffset>> LinkTimesSinceAsync(DateTimeOffset since, CancellationToken cancellationToken);

    /// <summary>When each failed link attempt (audit action <c>link.failed</c>) since <paramref name="since"/> happened.</summary>
    Task<IReadOnlyList<DateTimeOffset>> FailedLinkTimesSinceAsync(DateTimeOffset since, CancellationToken cancellationToken);
}
