namespace AlexaLinkHub.Application.UserImports;

/// <summary>Configuration section <c>Imports</c>: bulk import of end users.</summary>
public sealed class UserImportOptions
{
    public const string SectionName = "Imports";

    /// <summary>The largest file accepted (bytes). A million rows with bcrypt hashes is about 150 MB.</summary>
    public long MaxUploadBytes { get; set; } = 2L * 1024 * 1024 * 1024;

    /// <summary>Rows per staged chunk: one chunk is applied in one save. At most 1,000: a chunk's emails are looked up in
    /// one query, and SQL Server takes 2,100 parameters.</summary>
    public int ChunkRows { get; set; } = 1000;

    public const int MaxChunkRows = 1000;

    public int EffectiveChunkRows => Math.Clamp(ChunkRows, 1, MaxChunkRows);

    /// <summary>Bytes per staged chunk at most (a chunk closes at whichever limit comes first).</summary>
    public int ChunkBytes { get; set; } = 256 * 1024;

    public int MaxRowBytes { get; set; } = 16 * 1024;

    /// <summary>An upload still receiving after this long has been abandoned (its connection died with its instance).</summary>
    public TimeSpan UploadTimeout { get; set; } = TimeSpan.FromHours(1);
}
