using AlexaLinkHub.Application.Dashboard;
using AlexaLinkHub.Domain.Audit;
using AlexaLinkHub.Domain.Links;
using AlexaLinkHub.Domain.Webhooks;
using AlexaLinkHub.Infrastructure.OAuth;
using Microsoft.EntityFrameworkCore;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace AlexaLinkHub.Infrastructure.Persistence.Repositories;

/// <summary>The dashboard's numbers for the tenant in scope (the query filters keep them to it). The per-day series
/// reads only narrow columns and the grouping by day happens in memory, the same way on every database provider.</summary>
internal sealed class DashboardReader(AppDbContext db) : IDashboardReader
{
    private static readonly string[] LongLivedTokenTypes =
        [TokenTypeIdentifiers.AccessToken, TokenTypeIdentifiers.RefreshToken, TokenTypeHints.AccessToken, TokenTypeHints.RefreshToken];

    /// <summary>The links the statistics count: every query below starts here. Console test links are the vendor's own
    /// trials, not their users' links (docs/decisions/021).</summary>
    private IQueryable<AccountLink> CountedLinks => db.AccountLinks.Where(l => !l.IsTest);

    public async Task<(int LinkedAccounts, int LiveLinks)> CountLinksAsync(CancellationToken cancellationToken)
    {
        var live = CountedLinks.Where(l => l.RevokedAt == null);
        return (await live.Select(l => l.UserId).Distinct().CountAsync(cancellationToken), await live.CountAsync(cancellationToken));
    }

    public async Task<IReadOnlyDictionary<string, int>> CountLiveLinksPerSkillAsync(CancellationToken cancellationToken) =>
        await CountedLinks.Where(l => l.RevokedAt == null).GroupBy(l => l.ClientId)
            .Select(g => new { ClientId = g.Key, Count = g.Count() })
            .ToDictionaryAsync(g => g.ClientId, g => g.Count, cancellationToken);

    public async Task<int> CountActiveTokensAsync(DateTimeOffset now, CancellationToken cancellationToken)
    {
        var utc = now.UtcDateTime;
        // A test link lives 15 minutes, so there are few: their grants are read first and left out.
        var testGrants = (await db.AccountLinks.Where(l => l.IsTest && l.RevokedAt == null).Select(l => l.GrantId).ToListAsync(cancellationToken))
            .Select(id => Guid.TryParse(id, out var guid) ? guid : Guid.Empty).ToList();
        return await db.Set<OAuthToken>().CountAsync(
            t => t.Status == Statuses.Valid && (t.ExpirationDate == null || t.ExpirationDate > utc) && LongLivedTokenTypes.Contains(t.Type)
                && (t.Authorization == null || !testGrants.Contains(t.Authorization.Id)),
            cancellationToken);
    }

    public async Task<IReadOnlyList<LinkMade>> LinksSinceAsync(DateTimeOffset since, CancellationToken cancellationToken)
    {
        var from = since.ToUniversalTime();
        return await CountedLinks.Where(l => l.LinkedAt >= from).Select(l => new LinkMade(l.ClientId, l.LinkedAt)).ToListAsync(cancellationToken);
    }

    public async Task<IReadOnlyList<RecordedLinkFailure>> FailedLinksSinceAsync(DateTimeOffset since, CancellationToken cancellationToken)
    {
        var from = since.ToUniversalTime();
        return await db.AuditEvents.Where(e => e.Action == AuditActions.LinkFailed && e.OccurredAt >= from)
            .Select(e => new RecordedLinkFailure(e.OccurredAt, e.Details)).ToListAsync(cancellationToken);
    }

    public async Task<(int FailedAttempts, int FailedDeliveries)> CountWebhookFailuresSinceAsync(DateTimeOffset since, CancellationToken cancellationToken)
    {
        var from = since.ToUniversalTime();
        var attempts = await db.WebhookDeliveries.SelectMany(d => d.Attempts).CountAsync(a => a.At >= from && a.Error != null, cancellationToken);
        var deliveries = await db.WebhookDeliveries.CountAsync(d => d.Status == WebhookDeliveryStatus.Failed && d.CompletedAt >= from, cancellationToken);
        return (attempts, deliveries);
    }
}
