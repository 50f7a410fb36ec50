using System.Buffers;
using System.Runtime.CompilerServices;
using AlexaLinkHub.Domain.Users;

namespace AlexaLinkHub.Application.UserImports;

/// <summary>A piece of an uploaded file, in order: its CSV header, a chunk of whole records, or a record refused because
/// it is too long to stage.</summary>
public abstract record ImportPiece;

public sealed record ImportHeader(string? Text) : ImportPiece;

/// <summary>Consecutive physical lines from <paramref name="FirstLine"/> (1-based) holding <paramref name="Rows"/>
/// non-blank records; blank lines inside are kept so that line numbers can be counted again from the bytes.</summary>
public sealed record ImportChunk(long FirstLine, int Rows, byte[] Data) : ImportPiece;

public sealed record ImportRefusedLine(long Line, string Message) : ImportPiece;

/// <summary>Cuts an upload into chunks while it streams in: at most one chunk and one record are in memory at a time,
/// so a file of any size is staged with the same memory.</summary>
public static class ImportChunker
{
    public static async IAsyncEnumerable<ImportPiece> ReadAsync(
        Stream content, UserImportFormat format, UserImportOptions options, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var builder = new ChunkBuilder(format, options);
        var pieces = new List<ImportPiece>();
        var buffer = ArrayPool<byte>.Shared.Rent(64 * 1024);
        try
        {
            int read;
            while ((read = await content.ReadAsync(buffer, cancellationToken)) > 0)
            {
                builder.Feed(buffer.AsSpan(0, read), pieces);
                foreach (var piece in pieces)
                    yield return piece;
                pieces.Clear();
            }
            builder.Complete(pieces);
            foreach (var piece in pieces)
                yield return piece;
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    private sealed class ChunkBuilder(UserImportFormat format, UserImportOptions options)
    {
        private static readonly byte[] s_bom = [0xEF, 0xBB, 0xBF];

        private readonly ArrayBufferWriter<byte> _record = new(1024);
        private readonly ArrayBufferWriter<byte> _chunk = new(options.ChunkBytes + options.MaxRowBytes);
        private RecordScanner _scanner = new(format);
        private bool _expectHeader = format == UserImportFormat.Csv;
        private bool _started;
        private bool _skipping;
        private long _line = 1;
        private long _recordLine = 1;
        private long _chunkLine;
        private int _chunkRows;

        public void Feed(ReadOnlySpan<byte> bytes, List<ImportPiece> output)
        {
            if (!_started)
            {
                _started = true;
                if (bytes.StartsWith(s_bom))
                    bytes = bytes[s_bom.Length..];
            }
            var start = 0;
            for (var i = 0; i < bytes.Length; i++)
            {
                var b = bytes[i];
                if (_skipping)
                {
                    if (b == (byte)'\n')
                    {
                        _skipping = false;
                        _recordLine = ++_line;
                    }
                    start = i + 1;
                    continue;
                }
                var ended = _scanner.Feed(b);
                if (b == (byte)'\n')
                    _line++;
                if (ended)
                {
                    _record.Write(bytes[start..(i + 1)]);
                    start = i + 1;
                    EndRecord(output);
                    _recordLine = _line;
                }
                else if (_record.WrittenCount + (i + 1 - start) > options.MaxRowBytes)
                {
                    // Too long to be a row: refuse it and go on at the next physical line.
                    Flush(output);
                    output.Add(new ImportRefusedLine(_recordLine, $"The row is longer than {options.MaxRowBytes} bytes."));
                    _record.Clear();
                    _scanner.Reset();
                    _skipping = b != (byte)'\n';
                    _recordLine = _line;
                    start = i + 1;
                }
            }
            if (!_skipping && start < bytes.Length)
                _record.Write(bytes[start..]);
        }

        public void Complete(List<ImportPiece> output)
        {
            if (_record.WrittenCount > 0)
                EndRecord(output);
            Flush(output);
        }

        private void EndRecord(List<ImportPiece> output)
        {
            var bytes = _record.WrittenSpan;
            var blank = RecordScanner.IsBlank(bytes);
            if (_expectHeader && !blank)
            {
                _expectHeader = false;
                output.Add(new ImportHeader(RowText.Decode(bytes)));
            }
            else if (!blank || _chunkRows > 0)
            {
                if (_chunkRows == 0 && _chunk.WrittenCount == 0)
                    _chunkLine = _recordLine;
                _chunk.Write(bytes);
                if (bytes[^1] != (byte)'\n')
                    _chunk.Write("\n"u8);
                if (!blank)
                    _chunkRows++;
            }
            _record.Clear();
            if (_chunkRows >= options.EffectiveChunkRows || _chunk.WrittenCount >= options.ChunkBytes)
                Flush(output);
        }

        private void Flush(List<ImportPiece> output)
        {
            if (_chunkRows > 0)
                output.Add(new ImportChunk(_chunkLine, _chunkRows, _chunk.WrittenSpan.ToArray()));
            _chunk.Clear();
            _chunkRows = 0;
        }
    }
}
