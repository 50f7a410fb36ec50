using AlexaLinkHub.Application.Maintenance;
using Hangfire;
using Mediator;

namespace AlexaLinkHub.Infrastructure.Jobs;

/// <summary>The daily housekeeping, platform-wide.</summary>
public sealed class MaintenanceJobs(JobScope scope, ISender sender)
{
    [AutomaticRetry(Attempts = 3)]
    [DisableConcurrentExecution(timeoutInSeconds: 600)]
    [JobDisplayName("Prune expired and revoked tokens")]
    public async Task<PruneResult> PruneTokensAsync(CancellationToken cancellationToken)
    {
        scope.EnterPlatform();
        return await sender.Send(new PruneTokens(), cancellationToken);
    }

    [AutomaticRetry(Attempts = 3)]
    [DisableConcurrentExecution(timeoutInSeconds: 600)]
    [JobDisplayName("Trim the audit log")]
    public async Task<int> TrimAuditLogAsync(CancellationToken cancellationToken)
    {
        scope.EnterPlatform();
        return await sender.Send(new TrimAuditLog(), cancellationToken);
    }
}
