using AlexaLinkHub.Application.Common.Models;
using AlexaLinkHub.Domain.Audit;

namespace AlexaLinkHub.Application.Audit;

/// <summary>What to read; <paramref name="PlatformOnly"/> keeps to the platform's own events (those of no tenant), which
/// only the platform scope can see.</summary>
public sealed record AuditFilter(DateTimeOffset? From, DateTimeOffset? To, string? Actor, string? Action, string? Target, bool PlatformOnly = false);

/// <summary>Reads the audit log of the tenant in scope, newest first.</summary>
public interface IAuditEventReader
{
    Task<Page<AuditEvent>> QueryAsync(AuditFilter filter, int page, int pageSize, CancellationToken cancellationToken);
}
