using AlexaLinkHub.Application.Common.Interfaces;
using AlexaLinkHub.Domain.Audit;
using Mediator;
using Microsoft.Extensions.Options;

namespace AlexaLinkHub.Application.Maintenance;

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
            audit.Record(AuditActions.AuditTrimmed, AuditTarget.AuditLog, AuditDetails.Of("deleted", deleted).And("before", cutoff).And("retentionDays", days));
        return deleted;
    }
}
