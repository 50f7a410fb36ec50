using System.Text.RegularExpressions;
using System.Xml.Linq;
using AlexaLinkHub.Web.FunctionalTests.Support;

namespace AlexaLinkHub.Web.FunctionalTests.Localization.Support;

/// <summary>The texts src/Web looks up (<c>T["…"]</c> in Razor, <c>text["…"]</c> in code; the key is a resource key such as
/// <c>Login.Heading</c>) read from the source itself, their English wording in src/Web/Resources/SharedResource.resx and
/// the translations in SharedResource.{culture}.resx.</summary>
public static partial class PageTexts
{
    public const string ViewLocalizerName = "T";
    public const string CodeLocalizerName = "text";

    public static string WebSource => Path.Combine(AppProcess.RepositoryRoot, "src", "Web");

    public static string ResourcesFolder => Path.Combine(WebSource, "Resources");

    public sealed record SourceFile(string RelativePath, string Text)
    {
        public bool IsRazor => RelativePath.EndsWith(".cshtml", StringComparison.OrdinalIgnoreCase);

        public int LineOf(int index) => Text.AsSpan(0, index).Count('\n') + 1;

        public string Where(int index) => $"{RelativePath}:{LineOf(index)}";
    }

    /// <summary>A place that looks up a text: the key and where it is.</summary>
    public sealed record TextUse(string Key, string Where);

    public sealed record ResourceFile(string Culture, string FileName, IReadOnlyDictionary<string, string> Entries, IReadOnlyList<string> Duplicates);

    public static IReadOnlyList<SourceFile> SourceFiles() =>
        Directory.EnumerateFiles(WebSource, "*.*", SearchOption.AllDirectories)
            .Where(path => path.EndsWith(".cs", StringComparison.OrdinalIgnoreCase) || path.EndsWith(".cshtml", StringComparison.OrdinalIgnoreCase))
            .Select(path => Path.GetRelativePath(WebSource, path).Replace('\\', '/'))
            .Where(relative => !relative.StartsWith("bin/", StringComparison.Ordinal) && !relative.StartsWith("obj/", StringComparison.Ordinal))
            .Order(StringComparer.Ordinal)
            .Select(relative => new SourceFile(relative, File.ReadAllText(Path.Combine(WebSource, relative))))
            .ToList();

    public static IReadOnlyList<TextUse> Uses() =>
        SourceFiles()
            .SelectMany(file => LiteralLookup().Matches(file.Text).Select(m => new TextUse(Unescape(m.Groups["key"].Value), file.Where(m.Index))))
            .ToList();

    /// <summary>Every key in use, each once, with the first place that uses it.</summary>
    public static IReadOnlyDictionary<string, string> Keys() =>
        Uses().GroupBy(u => u.Key, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.First().Where, StringComparer.Ordinal);

    /// <summary>Lookups whose key is not a plain string literal (interpolated, concatenated, a variable): no scan can
    /// check those, so the pages must not have any.</summary>
    public static IReadOnlyList<string> NonLiteralLookups() =>
        SourceFiles()
            .SelectMany(file => AnyLookup().Matches(file.Text)
                .Where(m => LiteralLookup().Match(file.Text, m.Index) is not { Success: true } literal || literal.Index != m.Index)
                .Where(m => file.IsRazor ? m.Groups["name"].Value == ViewLocalizerName : DeclaresLocalizer(file, m.Groups["name"].Value))
                .Select(m => $"{file.Where(m.Index)}: {Excerpt(file.Text, m.Index)}"))
            .ToList();

    /// <summary>Localizers that the scan would not see: a SharedResource localizer under another name, or another kind of
    /// localizer (its texts would live in other resource files).</summary>
    public static IReadOnlyList<string> UnscannedLocalizers()
    {
        var problems = new List<string>();
        foreach (var file in SourceFiles())
        {
            foreach (Match declaration in SharedLocalizerDeclaration().Matches(file.Text))
            {
                var expected = file.IsRazor ? ViewLocalizerName : CodeLocalizerName;
                if (declaration.Groups["name"].Value != expected)
                    problems.Add($"{file.Where(declaration.Index)}: IStringLocalizer<SharedResource> is named '{declaration.Groups["name"].Value}', not '{expected}'");
            }
            foreach (Match other in OtherLocalizer().Matches(file.Text))
                problems.Add($"{file.Where(other.Index)}: {Excerpt(file.Text, other.Index)} (use IStringLocalizer<SharedResource>)");
        }
        return problems;
    }

    public static IReadOnlyList<ResourceFile> ResourceFiles() =>
        Directory.EnumerateFiles(ResourcesFolder, "SharedResource.*.resx")
            .Order(StringComparer.Ordinal)
            .Select(ReadResourceFile)
            .ToList();

    /// <summary>The English texts (the neutral resource file), by key.</summary>
    public static ResourceFile English() => ReadResourceFile(Path.Combine(ResourcesFolder, "SharedResource.resx"));

    /// <summary>The argument indexes a composite format string uses (<c>{0}</c>, <c>{1:N0}</c>; not <c>{{0}}</c>).</summary>
    public static IReadOnlySet<int> Placeholders(string text) =>
        Placeholder().Matches(text.Replace("{{", "", StringComparison.Ordinal).Replace("}}", "", StringComparison.Ordinal))
            .Select(m => int.Parse(m.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture))
            .ToHashSet();

    private static ResourceFile ReadResourceFile(string path)
    {
        var name = Path.GetFileName(path);
        var culture = name == "SharedResource.resx" ? "en" : name["SharedResource.".Length..^".resx".Length];
        var strings = XDocument.Load(path).Root!.Elements("data")
            .Where(d => d.Attribute("type") is null && d.Attribute("mimetype") is null)
            .Select(d => (Key: (string)d.Attribute("name")!, Value: (string?)d.Element("value") ?? string.Empty))
            .ToList();
        var duplicates = strings.GroupBy(s => s.Key, StringComparer.Ordinal).Where(g => g.Count() > 1).Select(g => g.Key).ToList();
        var entries = strings.DistinctBy(s => s.Key, StringComparer.Ordinal).ToDictionary(s => s.Key, s => s.Value, StringComparer.Ordinal);
        return new ResourceFile(culture, name, entries, duplicates);
    }

    private static bool DeclaresLocalizer(SourceFile file, string name) =>
        SharedLocalizerDeclaration().Matches(file.Text).Any(d => d.Groups["name"].Value == name);

    private static string Unescape(string literal) => Regex.Unescape(literal);

    private static string Excerpt(string text, int index)
    {
        var end = text.IndexOf('\n', index);
        return text[index..(end < 0 ? text.Length : end)].Trim();
    }

    [GeneratedRegex("""(?<![\w.])(?<name>T|text)\[\s*"(?<key>(?:[^"\\\r\n]|\\.)*)"\s*[\],]""")]
    private static partial Regex LiteralLookup();

    [GeneratedRegex("""(?<![\w.])(?<name>T|text)\[""")]
    private static partial Regex AnyLookup();

    [GeneratedRegex("""\bIStringLocalizer\s*<\s*SharedResource\s*>\s+(?<name>\w+)""")]
    private static partial Regex SharedLocalizerDeclaration();

    [GeneratedRegex("""\b(?:IViewLocalizer|IHtmlLocalizer|IStringLocalizerFactory)\b|\bIStringLocalizer\b(?!\s*<\s*SharedResource\s*>)""")]
    private static partial Regex OtherLocalizer();

    [GeneratedRegex("""\{(\d+)[^{}]*\}""")]
    private static partial Regex Placeholder();
}
