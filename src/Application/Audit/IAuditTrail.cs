using AlexaLinkHub.Domain.Audit;

namespace AlexaLinkHub.Application.Audit;

/// <summary>Audit events for changing — which happens only when a person's data is erased (<see cref="AuditEvent.Anonymise"/>).</summary>
public interface IAuditTrail
{
    /// <summary>The events of the tenant in scope whose actor or target is <paramref name="subject"/> (e.g. <c>user:{id}</c>), tracked.</summary>
    Task<IReadOnlyList<AuditEvent>> ListConcerningAsync(string subject, CancellationToken cancellationToken);
}
