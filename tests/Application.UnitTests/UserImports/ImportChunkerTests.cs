using System.Text;
using AlexaLinkHub.Application.UserImports;
using AlexaLinkHub.Domain.Users;

namespace AlexaLinkHub.Application.UnitTests.UserImports;

/// <summary>The upload's cutting into chunks and the job's reading of them agree on every record and its 1-based
/// physical line — across chunk boundaries, blank lines, CRLF, a BOM, CSV quotes spanning lines and refused long lines.</summary>
public sealed class ImportChunkerTests
{
    private static readonly UserImportOptions Small = new() { ChunkRows = 2, ChunkBytes = 1 << 20, MaxRowBytes = 64 };

    private static async Task<List<ImportPiece>> ChunkAsync(string file, UserImportFormat format, UserImportOptions? options = null)
    {
        var pieces = new List<ImportPiece>();
        // A tiny read size is what a slow upload looks like: records cut across reads.
        await using var stream = new BufferedStream(new MemoryStream(Encoding.UTF8.GetBytes(file)), 7);
        await foreach (var piece in ImportChunker.ReadAsync(stream, format, options ?? Small, TestContext.Current.CancellationToken))
            pieces.Add(piece);
        return pieces;
    }

    private static List<(long Line, string Text)> Records(IEnumerable<ImportPiece> pieces, UserImportFormat format) =>
        pieces.OfType<ImportChunk>()
            .SelectMany(c => ChunkRecords.Split(c.Data, c.FirstLine, format).Select(r => (r.Line, Encoding.UTF8.GetString(r.Bytes.Span).TrimEnd('\r', '\n'))))
            .ToList();

    [Fact]
    public async Task Ndjson_LinesAcrossChunks_KeepTheirPhysicalLineNumbers()
    {
        var pieces = await ChunkAsync("\uFEFF{\"a\":1}\r\n\r\n{\"a\":2}\n{\"a\":3}\n\n\n{\"a\":4}", UserImportFormat.Ndjson);

        Assert.Equal([(1L, "{\"a\":1}"), (3L, "{\"a\":2}"), (4L, "{\"a\":3}"), (7L, "{\"a\":4}")], Records(pieces, UserImportFormat.Ndjson));
        Assert.Equal([2, 2], pieces.OfType<ImportChunk>().Select(c => c.Rows));
    }

    [Fact]
    public async Task Csv_HeaderFirst_AndAQuotedLineBreakStaysInItsRecord()
    {
        var pieces = await ChunkAsync("email,displayName\r\na@x.io,\"Two\r\nlines\"\r\nb@x.io,B\r\n", UserImportFormat.Csv);

        Assert.Equal("email,displayName", Assert.IsType<ImportHeader>(pieces[0]).Text);
        Assert.Equal([(2L, "a@x.io,\"Two\r\nlines\""), (4L, "b@x.io,B")], Records(pieces, UserImportFormat.Csv));
    }

    [Fact]
    public async Task LineLongerThanARow_IsRefusedWithItsLine_AndReadingGoesOnAtTheNextLine()
    {
        var pieces = await ChunkAsync("{\"a\":1}\n{\"long\":\"" + new string('x', 200) + "\"}\n{\"a\":3}\n", UserImportFormat.Ndjson);

        Assert.Equal(2L, pieces.OfType<ImportRefusedLine>().Single().Line);
        Assert.Equal([(1L, "{\"a\":1}"), (3L, "{\"a\":3}")], Records(pieces, UserImportFormat.Ndjson));
    }

    [Fact]
    public void CsvFields_QuotesCommasAndDoubledQuotes_AreReadAsRfc4180()
    {
        Assert.Equal(["a", "b, c", "say \"hi\"", ""], CsvRows.Fields("a,\"b, c\",\"say \"\"hi\"\"\","));
        Assert.Null(CsvRows.Fields("a,\"open"));
    }

    [Fact]
    public void NdjsonRow_NumbersBooleansAndUnknownFields_AreReadOrReported()
    {
        var row = NdjsonRows.Read(9, """{"Email":"a@x.io","externalId":12345678901234567890,"emailVerified":true,"extra":1}"""u8);

        Assert.Equal(("a@x.io", "12345678901234567890", (bool?)true), (row.Email, row.ExternalId, row.EmailVerified));
        Assert.Equal((9L, "extra"), (row.Errors.Single().Line!.Value, row.Errors.Single().Field));
    }
}
