using AlexaLinkHub.Domain.Users;

namespace AlexaLinkHub.Application.UserImports;

/// <summary>The records of a staged chunk, each with its first physical line; blank lines are skipped.</summary>
internal static class ChunkRecords
{
    public static List<(long Line, ReadOnlyMemory<byte> Bytes)> Split(byte[] data, long firstLine, UserImportFormat format)
    {
        var records = new List<(long, ReadOnlyMemory<byte>)>();
        var scanner = new RecordScanner(format);
        long line = firstLine, recordLine = firstLine;
        var start = 0;
        for (var i = 0; i < data.Length; i++)
        {
            var ended = scanner.Feed(data[i]);
            if (data[i] == (byte)'\n')
                line++;
            if (!ended && i < data.Length - 1)
                continue;
            var record = data.AsMemory(start, i + 1 - start);
            if (!RecordScanner.IsBlank(record.Span))
                records.Add((recordLine, record));
            start = i + 1;
            recordLine = line;
        }
        return records;
    }
}
