using System.Collections.Concurrent;
using System.Data.Common;
using System.Net;
using AlexaLinkHub.TestSupport;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace AlexaLinkHub.Web.FunctionalTests.Support;

/// <summary>Counts what the app's DbContexts do. Requests run one after another, so a snapshot before and after a
/// request is that request's share; background work (the job server) does not use EF Core. A commit is an explicit
/// transaction's commit, or a write that ran outside any transaction (it commits on its own).</summary>
public sealed class DatabaseCounter : DbCommandInterceptor, IDbTransactionInterceptor
{
    private readonly ConcurrentQueue<string> _commands = new();
    private int _commits;

    public sealed record Step(string Name, HttpStatusCode Status, int Commands, int SkillReads, int Commits, IReadOnlyList<string> CommandTexts);

    public async Task<HtmlPage> MeasureAsync(string name, List<Step> steps, Func<Task<HtmlPage>> request)
    {
        var (page, step) = await MeasureAsync(name, request, page => page.StatusCode);
        steps.Add(step);
        return page;
    }

    /// <summary>Runs one request and returns what it cost the database.</summary>
    public async Task<(T Result, Step Step)> MeasureAsync<T>(string name, Func<Task<T>> request, Func<T, HttpStatusCode> status)
    {
        var commandsBefore = _commands.Count;
        var commitsBefore = Volatile.Read(ref _commits);
        var result = await request();
        var commands = _commands.Skip(commandsBefore).ToList();
        var skillReads = commands.Count(c => c.StartsWith("SELECT", StringComparison.OrdinalIgnoreCase)
            && c.Contains("FROM \"Skills\"", StringComparison.Ordinal));
        return (result, new Step(name, status(result), commands.Count, skillReads, Volatile.Read(ref _commits) - commitsBefore, commands));
    }

    public override DbDataReader ReaderExecuted(DbCommand command, CommandExecutedEventData eventData, DbDataReader result)
    {
        Record(command);
        return result;
    }

    public override ValueTask<DbDataReader> ReaderExecutedAsync(DbCommand command, CommandExecutedEventData eventData, DbDataReader result, CancellationToken cancellationToken = default)
    {
        Record(command);
        return ValueTask.FromResult(result);
    }

    public override int NonQueryExecuted(DbCommand command, CommandExecutedEventData eventData, int result)
    {
        Record(command);
        return result;
    }

    public override ValueTask<int> NonQueryExecutedAsync(DbCommand command, CommandExecutedEventData eventData, int result, CancellationToken cancellationToken = default)
    {
        Record(command);
        return ValueTask.FromResult(result);
    }

    public override object? ScalarExecuted(DbCommand command, CommandExecutedEventData eventData, object? result)
    {
        Record(command);
        return result;
    }

    public override ValueTask<object?> ScalarExecutedAsync(DbCommand command, CommandExecutedEventData eventData, object? result, CancellationToken cancellationToken = default)
    {
        Record(command);
        return ValueTask.FromResult(result);
    }

    private void Record(DbCommand command)
    {
        _commands.Enqueue(command.CommandText);
        var verb = command.CommandText.TrimStart().Split(' ', 2)[0].ToUpperInvariant();
        if (command.Transaction is null && verb is "INSERT" or "UPDATE" or "DELETE")
            Interlocked.Increment(ref _commits);
    }

    public void TransactionCommitted(DbTransaction transaction, TransactionEndEventData eventData) => Interlocked.Increment(ref _commits);

    public Task TransactionCommittedAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        Interlocked.Increment(ref _commits);
        return Task.CompletedTask;
    }
}
