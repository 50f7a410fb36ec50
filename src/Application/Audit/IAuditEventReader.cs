using AlexaLinkHub.Application.Common.Models;
using AlexaLinkHub.Domain.Audit;

namespace AlexaLinkHub.Application.Audit;

/// <summary>What to read; <paramref name="PlatformOnly"/> keeps to the platform's own events (those of no tenant), which
/// only the platform scope can see.</summary>
public sealed record AuditFilter(DateTimeOffset? From, DateTimeOffset? To, string? Actor, string? Action, string? Target, bool PlatformOnly = false);

/// <summary>An event's place in the log's order (newest first; the id orders events of the same instant).</summary>
public sealed record AuditPosition(DateTimeOffset OccurredAt, Guid Id);

/// <summary>Reads the audit log of the tenant in scope, newest first.</summary>
public interface IAuditEventReader
{
    Task<KeysetRows<AuditEvent>> ReadAsync(AuditFilter filter, KeysetRead<AuditPosition> read, CancellationToken cancellationToken);

    /// <summary>How many events match, counting no further than <paramref name="limit"/>.</summary>
    Task<int> CountAsync(AuditFilter filter, int limit, CancellationToken cancellationToken);
}
