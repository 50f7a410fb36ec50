using AlexaLinkHub.Application.Common.Exceptions;
using AlexaLinkHub.Application.UserImports;
using Hangfire;
using Mediator;
using Microsoft.Extensions.DependencyInjection;

namespace AlexaLinkHub.Infrastructure.Jobs;

/// <summary>Applies an import, one chunk per command, each in a DI scope of its own (so what one chunk loaded is gone
/// before the next: memory stays flat whatever the file's size). The job holds the import's lease; a second job for the
/// same import (a sweep after a crash) finds it busy and ends. Any instance may run it: the file is in the database.</summary>
public sealed class UserImportJobs(IServiceScopeFactory scopes, IBackgroundJobClient jobs)
{
    /// <summary>Retries of one chunk whose save lost a race for a key (a sign-up of the same email meanwhile).</summary>
    private const int ConflictRetries = 3;

    [AutomaticRetry(Attempts = 0)]
    [JobDisplayName("Import users {1}")]
    public async Task<string> RunAsync(Guid tenantId, Guid importId, CancellationToken cancellationToken)
    {
        var lease = Guid.NewGuid();
        var conflicts = 0;
        while (true)
        {
            ChunkResult? result;
            try
            {
                result = await ApplyNextChunkAsync(tenantId, importId, lease, cancellationToken);
            }
            catch (ConflictException) when (++conflicts <= ConflictRetries)
            {
                continue;
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                await using var scope = scopes.CreateAsyncScope();
                if (await scope.ServiceProvider.GetRequiredService<JobScope>().EnterAsync(tenantId, CancellationToken.None))
                    await scope.ServiceProvider.GetRequiredService<ISender>().Send(new FailUserImport(importId), CancellationToken.None);
                throw;
            }
            if (result is not { } outcome)
                return JobScope.TenantGone;
            if (outcome != ChunkResult.Applied)
                return outcome.ToString();
            conflicts = 0;
        }
    }

    [AutomaticRetry(Attempts = 0)]
    [JobDisplayName("Sweep user imports")]
    public async Task<int> SweepAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<JobScope>().EnterPlatform();
        var due = await scope.ServiceProvider.GetRequiredService<ISender>().Send(new SweepUserImports(), cancellationToken);
        foreach (var (tenantId, importId) in due)
        {
            var tenant = tenantId!.Value;
            jobs.Enqueue<UserImportJobs>(j => j.RunAsync(tenant, importId, CancellationToken.None));
        }
        return due.Count;
    }

    private async Task<ChunkResult?> ApplyNextChunkAsync(Guid tenantId, Guid importId, Guid lease, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        if (!await scope.ServiceProvider.GetRequiredService<JobScope>().EnterAsync(tenantId, cancellationToken))
            return null;
        return await scope.ServiceProvider.GetRequiredService<ISender>().Send(new ApplyUserImportChunk(importId, lease), cancellationToken);
    }
}
