namespace AlexaLinkHub.Infrastructure.IntegrationTests.Support;

public static class RepositoryRoot
{
    /// <summary>The folder holding AlexaLinkHub.sln, found by walking up from the test binaries.</summary>
    public static string Find()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "AlexaLinkHub.sln")))
                return dir.FullName;
        }
        throw new InvalidOperationException($"No AlexaLinkHub.sln above {AppContext.BaseDirectory}.");
    }

    /// <summary>Writes a test artifact under <c>artifacts/</c> of the repository and returns its path.</summary>
    public static async Task<string> WriteArtifactAsync(string fileName, string contents)
    {
        var folder = Path.Combine(Find(), "artifacts");
        Directory.CreateDirectory(folder);
        var path = Path.Combine(folder, fileName);
        await File.WriteAllTextAsync(path, contents, TestContext.Current.CancellationToken);
        return path;
    }
}
