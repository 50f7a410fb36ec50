namespace AlexaLinkHub.Application.Maintenance;

public sealed record PruneResult(long Tokens, long Grants, int SigningKeys = 0);

/// <summary>The OAuth server's store: deletes what can no longer be used.</summary>
public interface ITokenPruning
{
    /// <summary>Deletes tokens that are revoked, redeemed or expired, and grants that are revoked or have no token left —
    /// only those created before <paramref name="threshold"/>. Valid tokens are never touched.</summary>
    Task<PruneResult> PruneAsync(DateTimeOffset threshold, CancellationToken cancellationToken);
}
