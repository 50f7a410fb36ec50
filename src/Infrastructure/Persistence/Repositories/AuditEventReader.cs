using AlexaLinkHub.Application.Audit;
using AlexaLinkHub.Application.Common.Models;
using AlexaLinkHub.Domain.Audit;
using Microsoft.EntityFrameworkCore;

namespace AlexaLinkHub.Infrastructure.Persistence.Repositories;

internal sealed class AuditEventReader(AppDbContext db) : IAuditEventReader
{
    public async Task<KeysetRows<AuditEvent>> ReadAsync(AuditFilter filter, KeysetRead<AuditPosition> read, CancellationToken cancellationToken)
    {
        var query = Matching(filter);
        // The time bound alone is the (TenantId, OccurredAt, Id) index's range; the id only orders one instant's events.
        if (read.From is { OccurredAt: var at, Id: var id })
        {
            var atUtc = at.ToUniversalTime();
            query = read.Backward
                ? query.Where(e => e.OccurredAt >= atUtc && (e.OccurredAt > atUtc || e.Id.CompareTo(id) > 0))
                : query.Where(e => e.OccurredAt <= atUtc && (e.OccurredAt < atUtc || e.Id.CompareTo(id) < 0));
        }
        query = read.Backward
            ? query.OrderBy(e => e.OccurredAt).ThenBy(e => e.Id)
            : query.OrderByDescending(e => e.OccurredAt).ThenByDescending(e => e.Id);
        if (read.Skip > 0)
            query = query.Skip(read.Skip);
        return KeysetRows<AuditEvent>.Of(await query.Take(read.Size + 1).ToListAsync(cancellationToken), read.Size, read.Backward);
    }

    public Task<int> CountAsync(AuditFilter filter, int limit, CancellationToken cancellationToken) =>
        Matching(filter).Take(limit).CountAsync(cancellationToken);

    private IQueryable<AuditEvent> Matching(AuditFilter filter)
    {
        var query = db.AuditEvents.AsNoTracking();
        if (filter.PlatformOnly)
            query = query.Where(e => e.TenantId == null);
        // Stored times are UTC (PostgreSQL accepts only offset 0; SQLite compares the encoded UTC ticks).
        if (filter.From is { } from)
        {
            var fromUtc = from.ToUniversalTime();
            query = query.Where(e => e.OccurredAt >= fromUtc);
        }
        if (filter.To is { } to)
        {
            var toUtc = to.ToUniversalTime();
            query = query.Where(e => e.OccurredAt <= toUtc);
        }
        if (!string.IsNullOrWhiteSpace(filter.Actor))
            query = query.Where(e => e.Actor.Contains(filter.Actor));
        if (!string.IsNullOrWhiteSpace(filter.Action))
            query = query.Where(e => e.Action == filter.Action);
        if (!string.IsNullOrWhiteSpace(filter.Target))
            query = query.Where(e => e.Target.Contains(filter.Target));
        return query;
    }
}
