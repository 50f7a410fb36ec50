namespace AlexaLinkHub.Web.BrowserTests.Support;

/// <summary>Screenshots are test artifacts: <c>artifacts/screenshots/</c> at the repository root (the folder holding
/// AlexaLinkHub.sln), overwritten on every run.</summary>
public static class Screenshots
{
    private static readonly Lazy<string> Folder = new(() =>
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "AlexaLinkHub.sln")))
            directory = directory.Parent;
        if (directory is null)
            throw new InvalidOperationException($"AlexaLinkHub.sln was not found above '{AppContext.BaseDirectory}'.");
        return Directory.CreateDirectory(Path.Combine(directory.FullName, "artifacts", "screenshots")).FullName;
    });

    public static string PathOf(string name) => Path.Combine(Folder.Value, name + ".png");
}
