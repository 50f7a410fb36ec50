using AlexaLinkHub.Application.Common.Models;
using AlexaLinkHub.Domain.Audit;

namespace AlexaLinkHub.Application.Audit;

public sealed record AuditFilter(DateTimeOffset? From, DateTimeOffset? To, string? Actor, string? Action, string? Target);

/// <summary>Reads the audit log of the tenant in scope, newest first.</summary>
public interface IAuditEventReader
{
    Task<Page<AuditEvent>> QueryAsync(AuditFilter filter, int page, int pageSize, CancellationToken cancellationToken);
}
