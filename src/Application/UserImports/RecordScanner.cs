using AlexaLinkHub.Domain.Users;

namespace AlexaLinkHub.Application.UserImports;

/// <summary>Finds where a record of the file ends, one byte at a time: at a newline, except — in CSV — inside a quoted
/// field (RFC 4180 lets a quoted field span lines). Both the upload (which cuts the file into chunks at record ends)
/// and the job (which reads a chunk's records) use it, so they agree on every record and its physical line.</summary>
internal struct RecordScanner(UserImportFormat format)
{
    private readonly bool _csv = format == UserImportFormat.Csv;
    private bool _inQuotes;

    /// <summary>True when <paramref name="b"/> ends a record.</summary>
    public bool Feed(byte b)
    {
        if (_csv && b == (byte)'"')
            _inQuotes = !_inQuotes;
        return b == (byte)'\n' && !_inQuotes;
    }

    /// <summary>Forgets an open quote: after a refused (over-long) record, reading resumes at the next physical line.</summary>
    public void Reset() => _inQuotes = false;

    /// <summary>True when the bytes hold nothing but whitespace (a blank line is skipped, not a row).</summary>
    public static bool IsBlank(ReadOnlySpan<byte> record)
    {
        foreach (var b in record)
        {
            if (b is not ((byte)' ' or (byte)'\t' or (byte)'\r' or (byte)'\n'))
                return false;
        }
        return true;
    }

    public static int CountNewlines(ReadOnlySpan<byte> bytes) => System.MemoryExtensions.Count(bytes, (byte)'\n');
}
