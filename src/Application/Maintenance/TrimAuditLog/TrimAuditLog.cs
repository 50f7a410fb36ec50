using AlexaLinkHub.Application.Common.Interfaces;
using AlexaLinkHub.Domain.Audit;
using Mediator;
using Microsoft.Extensions.Options;

namespace AlexaLinkHub.Application.Maintenance;

/// <summary>Configuration section <c>Audit</c>.</summary>
public sealed class AuditOptions
{
    public const string SectionName = "Audit";

    /// <summary>Audit events older than this many days are deleted by the daily trim job.</summary>
    public int RetentionDays { get; set; } = 365;
}

public interface IAuditRetention
{
    /// <summary>Deletes audit events (of every tenant in the platform scope) that occurred before <paramref name="cutoff"/>.</summary>
    Task<int> DeleteOlderThanAsync(DateTimeOffset cutoff, CancellationToken cancellationToken);
}

/// <summary>Deletes audit events older than the retention; the trim itself is recorded in the platform's log.</summary>
public sealed record TrimAuditLog : ICommand<int>, IPlatformAdminRequest;

public sealed class TrimAuditLogHandler(IAuditRetention retention, IAuditLog audit, IOptions<AuditOptions> options, TimeProvider clock)
    : ICommandHandler<TrimAuditLog, int>
{
    public async ValueTask<int> Handle(TrimAuditLog command, CancellationToken cancellationToken)
    {
        var days = Math.Max(1, options.Value.RetentionDays);
        var cutoff = clock.GetUtcNow() - TimeSpan.FromDays(days);
        var deleted = await retention.DeleteOlderThanAsync(cutoff, cancellationToken);
        if (deleted > 0)
            audit.Record(AuditActions.AuditTrimmed, "audit-log", $"deleted={deleted}; before={cutoff:O}; retentionDays={days}");
        return deleted;
    }
}
