using System.Text;
using System.Text.Json;

namespace AlexaLinkHub.Application.UserImports;

/// <summary>One NDJSON line: a JSON object whose members are the import fields (strings; <c>emailVerified</c> a boolean;
/// <c>externalId</c> may be a number). <c>null</c> is the same as leaving a field out.</summary>
internal static class NdjsonRows
{
    public static ImportRow Read(long line, ReadOnlySpan<byte> json)
    {
        var row = new ImportRow(line);
        try
        {
            var reader = new Utf8JsonReader(json, new JsonReaderOptions { CommentHandling = JsonCommentHandling.Disallow });
            if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
                return Invalid(row, "The line is not a JSON object.");
            var seen = new HashSet<string>(StringComparer.Ordinal);
            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                var name = reader.GetString()!;
                reader.Read();
                if (ImportFields.Canonical(name) is not { } field)
                {
                    row.Errors.Add(new RowError(line, name, $"Unknown field. Known fields: {string.Join(", ", ImportFields.All)}."));
                    reader.Skip();
                    continue;
                }
                if (!seen.Add(field))
                {
                    row.Errors.Add(new RowError(line, field, "The field is given twice."));
                    reader.Skip();
                    continue;
                }
                ReadValue(ref reader, row, field);
            }
            if (reader.TokenType != JsonTokenType.EndObject || reader.Read())
                return Invalid(row, "The line holds more than one JSON object.");
        }
        catch (JsonException)
        {
            return Invalid(row, "The line is not valid JSON (one object per line, UTF-8).");
        }
        catch (InvalidOperationException)
        {
            return Invalid(row, "The line is not valid JSON (one object per line, UTF-8).");
        }
        return row;
    }

    private static void ReadValue(ref Utf8JsonReader reader, ImportRow row, string field)
    {
        switch (reader.TokenType)
        {
            case JsonTokenType.Null:
                break;
            case JsonTokenType.String:
                row.Set(field, reader.GetString());
                break;
            case JsonTokenType.True or JsonTokenType.False when field == ImportFields.EmailVerified:
                row.EmailVerified = reader.GetBoolean();
                break;
            case JsonTokenType.Number when field == ImportFields.ExternalId:
                row.ExternalId = Encoding.UTF8.GetString(reader.HasValueSequence ? System.Buffers.BuffersExtensions.ToArray(reader.ValueSequence) : reader.ValueSpan);
                break;
            default:
                row.Errors.Add(new RowError(row.Line, field, field == ImportFields.EmailVerified ? "Use true or false." : "Use a JSON string."));
                reader.Skip();
                break;
        }
    }

    private static ImportRow Invalid(ImportRow row, string message)
    {
        row.Errors.Clear();
        row.Errors.Add(new RowError(row.Line, null, message));
        return row;
    }
}
