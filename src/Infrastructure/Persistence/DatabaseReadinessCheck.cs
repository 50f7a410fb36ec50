using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace AlexaLinkHub.Infrastructure.Persistence;

/// <summary>Ready means: the database answers and every migration is applied. Once seen up to date it stays so for the
/// life of the process (migrations are not rolled back under a running app).</summary>
public sealed class DatabaseReadinessCheck(AppDbContext db, DatabaseReadinessCheck.State state) : IHealthCheck
{
    /// <summary>Per app (a singleton), not per process: a test host or a second app in the process has its own.</summary>
    public sealed class State
    {
        public volatile bool UpToDate;
    }

    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            if (!state.UpToDate)
                state.UpToDate = !(await db.Database.GetPendingMigrationsAsync(cancellationToken)).Any();
            if (!state.UpToDate)
                return HealthCheckResult.Unhealthy("Migrations are pending.");
            return await db.Database.CanConnectAsync(cancellationToken)
                ? HealthCheckResult.Healthy()
                : HealthCheckResult.Unhealthy("The database cannot be reached.");
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            return HealthCheckResult.Unhealthy("The database cannot be reached.");
        }
    }
}
