using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Npgsql;

namespace AlexaLinkHub.Infrastructure.Persistence;

/// <summary>EF Core's connection resiliency, where it is safe: a query outside a transaction that fails on a transient
/// error (<see cref="DependencyOutage"/>) — typically the first use of a pooled connection that broke while the database
/// restarted — is retried on a fresh connection. Writes never are: a SaveChanges or a command transaction whose commit
/// may have happened before the connection dropped would be applied twice (EF's "transaction commit failure"), so they
/// fail at once and the request answers 503. Retries are few and short, so an outage answers 503 within a second or so.</summary>
internal sealed class ReadRetryingExecutionStrategy(ExecutionStrategyDependencies dependencies)
    : ExecutionStrategy(dependencies, MaxRetries, MaxDelay)
{
    private const int MaxRetries = 2;
    private static readonly TimeSpan MaxDelay = TimeSpan.FromMilliseconds(300);

    private bool Writing => Dependencies.CurrentContext.Context is AppDbContext { IsSaving: true }
        || Dependencies.CurrentContext.Context.Database.CurrentTransaction is not null;

    // EF refuses user-initiated transactions under a retrying strategy ("does not support user-initiated transactions");
    // inside one this strategy never retries (ShouldRetryOn), so there is nothing to refuse.
    protected override void OnFirstExecution() => ExceptionsEncountered.Clear();

    protected override bool ShouldRetryOn(Exception exception)
    {
        if (!DependencyOutage.IsOutage(exception))
            return false;
        // The pool's other idle connections are as broken as this one after a restart: let them go now rather than one
        // failed request each.
        if (Dependencies.CurrentContext.Context.Database.GetDbConnection() is NpgsqlConnection connection)
            NpgsqlConnection.ClearPool(connection);
        return !Writing;
    }
}
