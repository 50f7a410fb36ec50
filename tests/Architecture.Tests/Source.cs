using System.Text.RegularExpressions;

namespace AlexaLinkHub.Architecture.Tests;

/// <summary>The production source (src/, generated migrations left out), for the rules a compiled type cannot show: a
/// constant's value is copied into every caller, so only the source tells where a name was written.</summary>
internal static class Source
{
    public sealed record File(string Path, string Text)
    {
        public IEnumerable<string> Matches(Regex pattern) =>
            pattern.Matches(Text).Select(m => $"{Path}:{Text.AsSpan(0, m.Index).Count('\n') + 1}: {m.Value.Trim()}");
    }

    public static string Root { get; } = FindRoot();

    public static IReadOnlyList<File> CSharp(string under = "src") =>
        Directory.EnumerateFiles(System.IO.Path.Combine(Root, under), "*.cs", SearchOption.AllDirectories)
            .Select(p => System.IO.Path.GetRelativePath(Root, p).Replace('\\', '/'))
            .Where(p => !p.Contains("/bin/", StringComparison.Ordinal) && !p.Contains("/obj/", StringComparison.Ordinal) && !p.Contains("/Migrations/", StringComparison.Ordinal))
            .Order(StringComparer.Ordinal)
            .Select(p => new File(p, System.IO.File.ReadAllText(System.IO.Path.Combine(Root, p))))
            .ToList();

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (System.IO.File.Exists(System.IO.Path.Combine(dir.FullName, "AlexaLinkHub.sln")))
                return dir.FullName;
        }
        throw new InvalidOperationException("No AlexaLinkHub.sln above " + AppContext.BaseDirectory);
    }
}
