using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Hosting;

namespace AlexaLinkHub.Infrastructure.Persistence;

/// <summary>Ready means: the database answers a query now (a real round trip with a short timeout, not a pooled
/// connection that may be dead), every migration is applied, and the instance is not shutting down (a load balancer
/// stops sending before the listener closes). So readiness goes down with the database at once and comes back by
/// itself. Once seen up to date the migrations stay so for the life of the process.</summary>
public sealed class DatabaseReadinessCheck(AppDbContext db, DatabaseReadinessCheck.State state, IHostApplicationLifetime lifetime) : IHealthCheck
{
    private static readonly TimeSpan s_timeout = TimeSpan.FromSeconds(2);

    /// <summary>Per app (a singleton), not per process: a test host or a second app in the process has its own.</summary>
    public sealed class State
    {
        public volatile bool UpToDate;
    }

    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        if (lifetime.ApplicationStopping.IsCancellationRequested)
            return HealthCheckResult.Unhealthy("Shutting down.");
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(s_timeout);
        try
        {
            if (!state.UpToDate)
                state.UpToDate = !(await db.Database.GetPendingMigrationsAsync(timeout.Token)).Any();
            if (!state.UpToDate)
                return HealthCheckResult.Unhealthy("Migrations are pending.");
            // Straight on the connection: no retrying strategy, one round trip.
            var connection = db.Database.GetDbConnection();
            await connection.OpenAsync(timeout.Token);
            try
            {
                await using var command = connection.CreateCommand();
                command.CommandText = "SELECT 1";
                await command.ExecuteScalarAsync(timeout.Token);
            }
            finally
            {
                await connection.CloseAsync();
            }
            return HealthCheckResult.Healthy();
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            return HealthCheckResult.Unhealthy("The database cannot be reached.");
        }
    }
}
