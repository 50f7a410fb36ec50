namespace AlexaLinkHub.Application.Common.Interfaces;

/// <summary>Adds an audit event to the current unit of work, stamped with the actor, tenant, time and source IP.
/// Never pass secrets in <paramref name="details"/>.</summary>
public interface IAuditLog
{
    void Record(string action, string target, string? details = null, Guid? tenantId = null);
}
