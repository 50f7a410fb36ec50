using AlexaLinkHub.Application.Common.Interfaces;
using AlexaLinkHub.Application.Common.Tenancy;
using AlexaLinkHub.Domain.Audit;

namespace AlexaLinkHub.Infrastructure.Persistence;

internal sealed class AuditLog(AppDbContext db, ICurrentActor actor, ITenantContext tenant, TimeProvider clock) : IAuditLog
{
    public void Record(string action, AuditTarget target, AuditDetails? details = null, Guid? tenantId = null) =>
        db.AuditEvents.Add(AuditEvent.Record(tenantId ?? tenant.TenantId, actor.Name, action, target.Value, details?.ToString(), actor.SourceIp, clock.GetUtcNow()));
}
