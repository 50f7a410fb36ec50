using System.Text;

namespace AlexaLinkHub.Application.UserImports;

/// <summary>CSV as RFC 4180 writes it: comma-separated, a field in double quotes may hold commas, newlines and doubled
/// quotes (<c>""</c>). The first row names the columns.</summary>
internal static class CsvRows
{
    /// <summary>The header's columns as import fields, or the problem with it (reported on line 1).</summary>
    public static (IReadOnlyList<string> Columns, RowError? Problem) ReadHeader(string? header)
    {
        if (header is null)
            return ([], new RowError(1, null, "The header row is not valid UTF-8."));
        var names = Fields(header);
        if (names is null)
            return ([], new RowError(1, null, "The header row has an unterminated quoted field."));
        var columns = new List<string>();
        foreach (var name in names)
        {
            if (ImportFields.Canonical(name) is not { } field)
                return ([], new RowError(1, name.Trim(), $"Unknown column. Known columns: {string.Join(", ", ImportFields.All)}."));
            if (columns.Contains(field))
                return ([], new RowError(1, field, "The column is named twice."));
            columns.Add(field);
        }
        return columns.Contains(ImportFields.Email)
            ? (columns, null)
            : ([], new RowError(1, ImportFields.Email, "The header row must name an email column (and displayName, optionally externalId, emailVerified, passwordHash or password)."));
    }

    public static ImportRow Read(long line, ReadOnlySpan<byte> record, IReadOnlyList<string> columns)
    {
        var row = new ImportRow(line);
        var text = RowText.Decode(record);
        if (text is null)
        {
            row.Errors.Add(new RowError(line, null, "The row is not valid UTF-8."));
            return row;
        }
        var fields = Fields(text);
        if (fields is null)
        {
            row.Errors.Add(new RowError(line, null, "The row has an unterminated quoted field."));
            return row;
        }
        if (fields.Count != columns.Count)
        {
            row.Errors.Add(new RowError(line, null, $"The row has {fields.Count} fields; the header names {columns.Count} columns."));
            return row;
        }
        for (var i = 0; i < columns.Count; i++)
            row.Set(columns[i], fields[i]);
        return row;
    }

    /// <summary>The fields of one record (which may span lines inside quotes); null when a quote is left open.</summary>
    internal static List<string>? Fields(string record)
    {
        var fields = new List<string>();
        var field = new StringBuilder();
        var quoted = false;
        for (var i = 0; i < record.Length; i++)
        {
            var c = record[i];
            if (quoted)
            {
                if (c != '"')
                    field.Append(c);
                else if (i + 1 < record.Length && record[i + 1] == '"')
                    field.Append(record[++i]);
                else
                    quoted = false;
            }
            else if (c == '"' && field.Length == 0)
            {
                quoted = true;
            }
            else if (c == ',')
            {
                fields.Add(field.ToString());
                field.Clear();
            }
            else
            {
                field.Append(c);
            }
        }
        if (quoted)
            return null;
        fields.Add(field.ToString());
        return fields;
    }
}
