using AlexaLinkHub.Application.Audit;
using AlexaLinkHub.Application.Common.Models;
using AlexaLinkHub.Domain.Audit;
using Microsoft.EntityFrameworkCore;

namespace AlexaLinkHub.Infrastructure.Persistence.Repositories;

internal sealed class AuditEventReader(AppDbContext db) : IAuditEventReader
{
    public Task<Page<AuditEvent>> QueryAsync(AuditFilter filter, int page, int pageSize, CancellationToken cancellationToken)
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
        return query.OrderByDescending(e => e.OccurredAt).ThenByDescending(e => e.Id).ToPageAsync(page, pageSize, cancellationToken);
    }
}
