using AlexaLinkHub.Application.Audit;
using AlexaLinkHub.Domain.Audit;
using Microsoft.EntityFrameworkCore;

namespace AlexaLinkHub.Infrastructure.Persistence.Repositories;

internal sealed class AuditTrail(AppDbContext db) : IAuditTrail
{
    public async Task<IReadOnlyList<AuditEvent>> ListConcerningAsync(string subject, CancellationToken cancellationToken) =>
        await db.AuditEvents.Where(e => e.Actor == subject || e.Target == subject).ToListAsync(cancellationToken);
}
