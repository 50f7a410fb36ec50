using Microsoft.Data.Sqlite;

namespace AlexaLinkHub.TestSupport;

/// <summary>A real SQLite database file in a fresh temporary folder, deleted on dispose.</summary>
public sealed class TemporarySqliteFile : IDisposable
{
    public TemporarySqliteFile()
    {
        Directory = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "alh-tests", Guid.NewGuid().ToString("N"));
        System.IO.Directory.CreateDirectory(Directory);
        Path = System.IO.Path.Combine(Directory, "app.db");
    }

    public string Directory { get; }
    public string Path { get; }
    public string ConnectionString => $"Data Source={Path}";

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        try
        {
            System.IO.Directory.Delete(Directory, recursive: true);
        }
        catch (IOException)
        {
            // A file still held by a pooled connection on another thread; the temp folder is cleaned by the OS.
        }
    }
}
