using System.Diagnostics;
using AlexaLinkHub.Application.Audit;
using AlexaLinkHub.Application.Common.Models;
using AlexaLinkHub.Application.Linking;
using AlexaLinkHub.Application.Users;
using AlexaLinkHub.Domain.Audit;
using AlexaLinkHub.Infrastructure.IntegrationTests.Support;
using AlexaLinkHub.Infrastructure.Persistence;
using AlexaLinkHub.TestSupport;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;

namespace AlexaLinkHub.Infrastructure.IntegrationTests;

/// <summary>The hot tenant-scoped reads on SQLite use the (TenantId, …) indexes: the statements EF really sends are
/// captured and given to <c>EXPLAIN QUERY PLAN</c>. The tenant filter once was "@platform OR TenantId = @current", which
/// SQLite cannot match to an index, so every tenant's rows were scanned (ADR 020).</summary>
public sealed class ListQueryPlanTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task HotReads_InATenant_SearchTheirIndexAndNeverScanOrSort()
    {
        await using var app = await AppServices.CreateAsync(DatabaseProvider.Sqlite);
        var acme = await app.TenantAsync("acme");
        var globex = await app.TenantAsync("globex");
        var anna = await app.EndUserAsync(acme, "anna@acme.example");
        await app.EndUserAsync(acme, "bob@acme.example");
        await app.EndUserAsync(globex, "anna@globex.example");
        using var capture = new SqliteStatements(app.Database.ConnectionString);

        await app.InScopeAsync(TestScope.Tenant(acme.Id), s => s.GetRequiredService<IEndUserRepository>().FindByEmailAsync("anna@acme.example", Ct));
        var plans = new Dictionary<string, IReadOnlyList<string>>
        {
            ["user by email"] = await capture.PlansOfAsync(),
        };
        var firstPage = await app.SendAsTenantAdminAsync<Page<EndUserDto>>(acme.Id, acme.Slug, new FindEndUsers(PageSize: 1));
        plans["users list"] = await capture.PlansOfAsync();
        await app.SendAsTenantAdminAsync<Page<EndUserDto>>(acme.Id, acme.Slug, new FindEndUsers(PageSize: 1, After: firstPage.Next));
        plans["users list, after a cursor"] = await capture.PlansOfAsync();
        await app.SendAsTenantAdminAsync<Page<EndUserDto>>(acme.Id, acme.Slug, new FindEndUsers(Search: "ANN"));
        plans["users by email prefix and external id"] = await capture.PlansOfAsync();
        var audit = await app.SendAsTenantAdminAsync<Page<AuditEventDto>>(acme.Id, acme.Slug, new ListAuditEvents { PageSize = 1 });
        plans["audit list"] = await capture.PlansOfAsync();
        await app.SendAsTenantAdminAsync<Page<AuditEventDto>>(acme.Id, acme.Slug, new ListAuditEvents { PageSize = 1, After = audit.Next });
        plans["audit list, after a cursor"] = await capture.PlansOfAsync();
        await app.SendAsTenantAdminAsync<IReadOnlyList<AccountLinkDto>>(acme.Id, acme.Slug, new ListUserLinks(anna.Id));
        plans["links of a user"] = await capture.PlansOfAsync();

        Assert.NotNull(firstPage.Next);
        Assert.NotNull(audit.Next);
        foreach (var (read, plan) in plans)
        {
            Assert.True(plan.Count > 0, $"{read}: no statement captured");
            Assert.False(plan.Any(ScansOrSorts), $"{read}: {string.Join(" | ", plan)}");
        }
        Assert.Contains(plans["user by email"], step => step.Contains("USING INDEX IX_EndUsers_TenantId_NormalizedEmail", StringComparison.Ordinal));
        Assert.Contains(plans["users list, after a cursor"], step => step.Contains("IX_EndUsers_TenantId_NormalizedEmail (TenantId=? AND NormalizedEmail>?)", StringComparison.Ordinal));
        Assert.Contains(plans["users by email prefix and external id"], step => step.Contains("IX_EndUsers_TenantId_ExternalId (TenantId=? AND ExternalId=?)", StringComparison.Ordinal));
        Assert.Contains(plans["users by email prefix and external id"], step => step.Contains("IX_EndUsers_TenantId_NormalizedEmail (TenantId=? AND NormalizedEmail>? AND NormalizedEmail<?)", StringComparison.Ordinal));
        Assert.Contains(plans["audit list, after a cursor"], step => step.Contains("IX_AuditEvents_TenantId_OccurredAt_Id (TenantId=? AND OccurredAt<?)", StringComparison.Ordinal));
        Assert.Contains(plans["links of a user"], step => step.Contains("IX_AccountLinks_TenantId_UserId_SkillId (TenantId=? AND UserId=?)", StringComparison.Ordinal));
    }

    [Fact]
    public async Task PlatformAudit_InThePlatformScope_SearchesTheIndexForEventsOfNoTenant()
    {
        await using var app = await AppServices.CreateAsync(DatabaseProvider.Sqlite);
        await app.TenantAsync("acme");
        await app.SaveInScopeAsync(TestScope.Platform, db => db.AuditEvents.Add(AuditEvent.Record(null, "system", "platform.maintenance", "platform", null, null, app.Clock.GetUtcNow())));
        using var capture = new SqliteStatements(app.Database.ConnectionString);

        var page = await app.SendAsPlatformAsync<Page<AuditEventDto>>(new ListPlatformAuditEvents());
        var plan = await capture.PlansOfAsync();

        Assert.NotEmpty(page.Items);
        Assert.Contains(plan, step => step.Contains("IX_AuditEvents_TenantId_OccurredAt_Id (TenantId=?)", StringComparison.Ordinal));
        Assert.False(plan.Any(ScansOrSorts), string.Join(" | ", plan));
    }

    // A table scanned, or rows sorted. The capped count's subquery (at most 10 001 index entries) is a co-routine whose
    // result is read by a "SCAN a0"-like step: not a table.
    private static bool ScansOrSorts(string step) =>
        (step.StartsWith("SCAN ", StringComparison.Ordinal) && !System.Text.RegularExpressions.Regex.IsMatch(step, "^SCAN [a-z]+0$")) || step.Contains("TEMP B-TREE", StringComparison.Ordinal);

    /// <summary>The SELECTs EF sends to one SQLite file, with their parameters, as EF's diagnostic events report them.</summary>
    private sealed class SqliteStatements : IObserver<DiagnosticListener>, IObserver<KeyValuePair<string, object?>>, IDisposable
    {
        private readonly string _connectionString;
        private readonly string _dataSource;
        private readonly List<IDisposable> _subscriptions = [];
        private readonly List<(string Sql, SqliteParameter[] Parameters)> _statements = [];

        public SqliteStatements(string connectionString)
        {
            _connectionString = connectionString;
            _dataSource = new SqliteConnectionStringBuilder(connectionString).DataSource;
            _subscriptions.Add(DiagnosticListener.AllListeners.Subscribe(this));
        }

        /// <summary>The plan steps of every SELECT of the lists' tables since the last call.</summary>
        public async Task<IReadOnlyList<string>> PlansOfAsync()
        {
            (string Sql, SqliteParameter[] Parameters)[] statements;
            lock (_statements)
            {
                statements = [.. _statements];
                _statements.Clear();
            }
            var steps = new List<string>();
            await using var connection = new SqliteConnection(_connectionString);
            await connection.OpenAsync(Ct);
            foreach (var (sql, parameters) in statements.Where(s => s.Sql.TrimStart().StartsWith("SELECT", StringComparison.Ordinal)
                && (s.Sql.Contains("\"EndUsers\"", StringComparison.Ordinal) || s.Sql.Contains("\"AuditEvents\"", StringComparison.Ordinal) || s.Sql.Contains("\"AccountLinks\"", StringComparison.Ordinal))))
            {
                await using var explain = connection.CreateCommand();
                explain.CommandText = "EXPLAIN QUERY PLAN " + sql;
                explain.Parameters.AddRange(parameters);
                await using var reader = await explain.ExecuteReaderAsync(Ct);
                while (await reader.ReadAsync(Ct))
                    steps.Add(reader.GetString(3));
            }
            return steps;
        }

        public void OnNext(DiagnosticListener listener)
        {
            if (listener.Name == DbLoggerCategory.Name)
                lock (_subscriptions)
                    _subscriptions.Add(listener.Subscribe(this));
        }

        public void OnNext(KeyValuePair<string, object?> value)
        {
            if (value.Key != RelationalEventId.CommandExecuting.Name || value.Value is not CommandEventData { Command: var command }
                || command.Connection is not SqliteConnection connection || connection.DataSource != _dataSource)
                return;
            var parameters = command.Parameters.Cast<SqliteParameter>().Select(p => new SqliteParameter(p.ParameterName, p.Value ?? DBNull.Value)).ToArray();
            lock (_statements)
                _statements.Add((command.CommandText, parameters));
        }

        public void OnCompleted()
        {
        }

        public void OnError(Exception error)
        {
        }

        public void Dispose()
        {
            lock (_subscriptions)
                _subscriptions.ForEach(s => s.Dispose());
        }
    }
}
