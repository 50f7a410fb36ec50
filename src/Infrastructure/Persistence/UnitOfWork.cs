using AlexaLinkHub.Application.Common.Exceptions;
using AlexaLinkHub.Application.Common.Interfaces;
using Microsoft.Data.SqlClient;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Npgsql;

namespace AlexaLinkHub.Infrastructure.Persistence;

internal sealed class UnitOfWork(AppDbContext db, SqliteWriteGate? sqliteGate = null) : IUnitOfWork, IDisposable
{
    private IDbContextTransaction? _transaction;
    private bool _holdsGate;

    public bool HasActiveTransaction => _transaction is not null;

    public async Task BeginTransactionAsync(CancellationToken cancellationToken)
    {
        if (sqliteGate is not null)
        {
            await sqliteGate.EnterAsync(cancellationToken);
            _holdsGate = true;
        }
        try
        {
            _transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        }
        catch
        {
            ExitGate();
            throw;
        }
    }

    public async Task CommitAsync(CancellationToken cancellationToken)
    {
        if (_transaction is null)
            return;
        await _transaction.CommitAsync(cancellationToken);
        await DisposeTransactionAsync();
    }

    public async Task RollbackAsync(CancellationToken cancellationToken)
    {
        if (_transaction is null)
            return;
        try
        {
            await _transaction.RollbackAsync(cancellationToken);
        }
        finally
        {
            await DisposeTransactionAsync();
            db.ChangeTracker.Clear();
            db.PendingBulkInserts.Clear();
        }
    }

    public async Task SaveChangesAsync(CancellationToken cancellationToken)
    {
        // A save outside a command transaction is a short transaction of its own; on SQLite it still queues behind the
        // gate so that a burst of them waits its turn instead of running into busy_timeout.
        var gated = _transaction is null && sqliteGate is not null;
        if (gated)
            await sqliteGate!.EnterAsync(cancellationToken);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            // A concurrency token (e.g. a link's RevokedAt) changed since it was read: another request got there first.
            throw new ConflictException("This record was changed by another request at the same time. Reload it and try again.");
        }
        catch (DbUpdateException ex) when (IsUniqueViolation(ex))
        {
            // Two requests raced past the existence check; the unique index decided. Report it like the check would.
            throw new ConflictException("This conflicts with an existing record (a value that must be unique is taken).");
        }
        finally
        {
            if (gated)
                sqliteGate!.Exit();
        }
    }

    private async Task DisposeTransactionAsync()
    {
        try
        {
            if (_transaction is not null)
                await _transaction.DisposeAsync();
            _transaction = null;
        }
        finally
        {
            ExitGate();
        }
    }

    private void ExitGate()
    {
        if (!_holdsGate)
            return;
        _holdsGate = false;
        sqliteGate!.Exit();
    }

    // A scope that ends without commit or rollback must not keep every other writer waiting.
    public void Dispose() => ExitGate();

    internal static bool IsUniqueViolation(DbUpdateException ex) => ex.InnerException switch
    {
        SqliteException sqlite => sqlite.SqliteErrorCode == 19 && sqlite.SqliteExtendedErrorCode is 2067 or 1555,
        PostgresException postgres => postgres.SqlState == PostgresErrorCodes.UniqueViolation,
        SqlException sqlServer => sqlServer.Number is 2601 or 2627,
        _ => false,
    };
}
