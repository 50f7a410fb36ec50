using System.Data.Common;
using AlexaLinkHub.TestSupport;
using Microsoft.EntityFrameworkCore;

namespace AlexaLinkHub.Application.UnitTests.Support;

/// <summary>Reads a table with plain SQL, bypassing the EF model, to prove what is (not) stored in any column.</summary>
public static class RawRows
{
    public static Task<List<string>> AllValuesAsync(this AppServices app, string table) =>
        app.QueryDbAsync(async db =>
        {
            var connection = db.Database.GetDbConnection();
            await connection.OpenAsync(TestActors.Ct);
            await using DbCommand command = connection.CreateCommand();
            command.CommandText = $"SELECT * FROM \"{table}\"";
            var values = new List<string>();
            await using var reader = await command.ExecuteReaderAsync(TestActors.Ct);
            while (await reader.ReadAsync(TestActors.Ct))
            {
                for (var i = 0; i < reader.FieldCount; i++)
                    values.Add(reader.IsDBNull(i) ? string.Empty : Convert.ToString(reader.GetValue(i), System.Globalization.CultureInfo.InvariantCulture) ?? string.Empty);
            }
            return values;
        });
}
