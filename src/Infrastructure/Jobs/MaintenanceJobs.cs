using AlexaLinkHub.Application.Linking;
using AlexaLinkHub.Application.Maintenance;
using Hangfire;
using Mediator;

namespace AlexaLinkHub.Infrastructure.Jobs;

/// <summary>The housekeeping, platform-wide: daily pruning and trimming, and every minute the end of expired console
/// test links.</summary>
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

    [AutomaticRetry(Attempts = 3)]
    [DisableConcurrentExecution(timeoutInSeconds: 120)]
    [JobDisplayName("End expired console test links")]
    public async Task<int> EndTestLinksAsync(CancellationToken cancellationToken)
    {
        scope.EnterPlatform();
        return await sender.Send(new EndTestLinks(), cancellationToken);
    }
}
