using AlexaLinkHub.Application.Dashboard;
using AlexaLinkHub.Domain.Audit;
using AlexaLinkHub.Infrastructure.OAuth;
using Microsoft.EntityFrameworkCore;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace AlexaLinkHub.Infrastructure.Persistence.Repositories;

/// <summary>The dashboard's numbers for the tenant in scope (the query filters keep them to it). The per-day series
/// reads only timestamps — one narrow indexed column — and the grouping by day happens in memory, the same way on every
/// database provider.</summary>
internal sealed class DashboardReader(AppDbContext db) : IDashboardReader
{
    private static readonly string[] LongLivedTokenTypes =
        [TokenTypeIdentifiers.AccessToken, TokenTypeIdentifiers.RefreshToken, TokenTypeHints.AccessToken, TokenTypeHints.RefreshToken];

    public async Task<(int LinkedAccounts, int LiveLinks)> CountLinksAsync(CancellationToken cancellationToken)
    {
        var live = db.AccountLinks.Where(l => l.RevokedAt == null);
        return (await live.Select(l => l.UserId).Distinct().CountAsync(cancellationToken), await live.CountAsync(cancellationToken));
    }

    public Task<int> CountActiveTokensAsync(DateTimeOffset now, CancellationToken cancellationToken)
    {
        var utc = now.UtcDateTime;
        return db.Set<OAuthToken>().CountAsync(
            t => t.Status == Statuses.Valid && (t.ExpirationDate == null || t.ExpirationDate > utc) && LongLivedTokenTypes.Contains(t.Type),
            cancellationToken);
    }

    public async Task<IReadOnlyList<DateTimeOffset>> LinkTimesSinceAsync(DateTimeOffset since, CancellationToken cancellationToken)
    {
        var from = since.ToUniversalTime();
        return await db.AccountLinks.Where(l => l.LinkedAt >= from).Select(l => l.LinkedAt).ToListAsync(cancellationToken);
    }

    public async Task<IReadOnlyList<DateTimeOffset>> FailedLinkTimesSinceAsync(DateTimeOffset since, CancellationToken cancellationToken)
    {
        var from = since.ToUniversalTime();
        return await db.AuditEvents.Where(e => e.Action == AuditActions.LinkFailed && e.OccurredAt >= from)
            .Select(e => e.OccurredAt).ToListAsync(cancellationToken);
    }
}
