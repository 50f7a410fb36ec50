using AlexaLinkHub.Domain.Audit;

namespace AlexaLinkHub.Application.Common.Interfaces;

/// <summary>Adds an audit event to the current unit of work, stamped with the actor, tenant, time and source IP.
/// Never put a secret in <paramref name="details"/>.</summary>
public interface IAuditLog
{
    void Record(string action, AuditTarget target, AuditDetails? details = null, Guid? tenantId = null);
}
