using System.Data.Common;
using AlexaLinkHub.Domain.Common;
using AlexaLinkHub.Infrastructure.Persistence.Interceptors;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;
using Npgsql;

namespace AlexaLinkHub.Infrastructure.Persistence.BulkInserts;

/// <summary>Inserts many new rows of one entity type without the change tracker, inside the current transaction: on
/// SQLite one prepared, parameterised INSERT reused for every row; on PostgreSQL one binary COPY. The columns, their
/// names and the conversion of each value (SQLite's DateTimeOffset as ticks, enums as text…) come from the EF model, so
/// the rows are what EF itself would have written. Other providers are not offered this path
/// (<see cref="AppDbContext.SupportsBulkInsert"/>).
/// A unique violation surfaces as EF's <see cref="DbUpdateException"/>, so the unit of work reports it as a conflict.</summary>
internal static class BulkInsert
{
    public static async Task WriteAsync<T>(AppDbContext db, IReadOnlyCollection<T> rows, CancellationToken cancellationToken) where T : class
    {
        if (rows.Count == 0)
            return;
        var entityType = db.Model.FindEntityType(typeof(T)) ?? throw new InvalidOperationException($"{typeof(T).Name} is not in the model.");
        var table = StoreObjectIdentifier.Table(entityType.GetTableName()!, entityType.GetSchema());
        var columns = entityType.GetProperties().Select(p => new Column(p, p.GetColumnName(table)!, (RelationalTypeMapping)p.GetTypeMapping())).ToList();
        foreach (var row in rows)
        {
            if (row is ITenantOwned owned)
                TenantGuardInterceptor.EnsureWritable(db, owned.TenantId, typeof(T));
        }
        var sql = db.GetService<ISqlGenerationHelper>();
        var target = sql.DelimitIdentifier(table.Name, table.Schema);
        var names = string.Join(", ", columns.Select(c => sql.DelimitIdentifier(c.Name)));
        try
        {
            if (db.Database.GetDbConnection() is NpgsqlConnection postgres)
                await CopyAsync(postgres, $"COPY {target} ({names}) FROM STDIN (FORMAT BINARY)", columns, rows, cancellationToken);
            else
                Insert(db, $"INSERT INTO {target} ({names}) VALUES ({string.Join(", ", columns.Select((_, i) => "$p" + i))})", columns, rows);
        }
        catch (Exception ex) when (ex is SqliteException or PostgresException)
        {
            throw new DbUpdateException($"A bulk insert of {typeof(T).Name} rows failed.", ex);
        }
    }

    // Microsoft.Data.Sqlite runs every command synchronously anyway; the sync calls spare a task per row.
    private static void Insert<T>(AppDbContext db, string text, List<Column> columns, IReadOnlyCollection<T> rows) where T : class
    {
        var connection = db.Database.GetDbConnection();
        using var command = connection.CreateCommand();
        command.CommandText = text;
        command.Transaction = db.Database.CurrentTransaction?.GetDbTransaction()
            ?? throw new InvalidOperationException("A bulk insert runs inside a transaction.");
        var first = rows.First();
        var parameters = columns.Select((c, i) => c.Mapping.CreateParameter(command, "$p" + i, c.Property.GetGetter().GetClrValueUsingContainingEntity(first), c.Property.IsNullable)).ToArray();
        command.Parameters.AddRange(parameters);
        command.Prepare();
        foreach (var row in rows)
        {
            for (var i = 0; i < columns.Count; i++)
                parameters[i].Value = columns[i].ProviderValue(row) ?? DBNull.Value;
            command.ExecuteNonQuery();
        }
    }

    private static async Task CopyAsync<T>(NpgsqlConnection connection, string text, List<Column> columns, IReadOnlyCollection<T> rows, CancellationToken cancellationToken) where T : class
    {
        var types = columns.Select(c => StoreTypeWithoutFacets(c.Mapping.StoreType)).ToArray();
        await using var writer = await connection.BeginBinaryImportAsync(text, cancellationToken);
        foreach (var row in rows)
        {
            await writer.StartRowAsync(cancellationToken);
            for (var i = 0; i < columns.Count; i++)
            {
                if (columns[i].ProviderValue(row) is { } value)
                    await writer.WriteAsync(value, types[i], cancellationToken);
                else
                    await writer.WriteNullAsync(cancellationToken);
            }
        }
        await writer.CompleteAsync(cancellationToken);
    }

    // "character varying(320)" → "character varying": COPY names the type, the column keeps its own length check.
    private static string StoreTypeWithoutFacets(string storeType) =>
        storeType.IndexOf('(') is var open and > 0 ? storeType[..open].TrimEnd() : storeType;

    private sealed record Column(IProperty Property, string Name, RelationalTypeMapping Mapping)
    {
        private readonly IClrPropertyGetter _getter = Property.GetGetter();

        public object? ProviderValue(object row) => _getter.GetClrValueUsingContainingEntity(row) switch
        {
            null => null,
            var value when Mapping.Converter is { } converter => converter.ConvertToProvider(value),
            Enum value => Convert.ChangeType(value, Enum.GetUnderlyingType(value.GetType()), System.Globalization.CultureInfo.InvariantCulture),
            var value => value,
        };
    }
}
