using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using AlexaLinkHub.Web.FunctionalTests.Localization.Support;

namespace AlexaLinkHub.Web.FunctionalTests.Localization;

/// <summary>The console (Areas/Admin) speaks the nine languages: every <c>Console.*</c> text its pages look up is in all
/// nine resource files, no translation file holds a key the English one lacks, and no page shows English words typed
/// into its markup instead of looked up — so a new console page fails here until it is translated.</summary>
public sealed partial class ConsoleTextsTests
{
    private static readonly string AdminPages = Path.Combine(PageTexts.WebSource, "Areas", "Admin", "Pages");

    /// <summary>Names that stay as they are in every language.</summary>
    private static readonly string[] ProperNames =
    [
        "AlexaLinkHub", "Standard Webhooks",
        // The Alexa developer console's own field labels, quoted as it shows them so the vendor finds the field.
        "Do you allow users to create an account or link to an existing account with you?", "Authorization Grant Type",
        "Your Web Authorization URI", "Access Token URI", "Your Client ID", "Your Secret", "Your Authentication Scheme",
        "Scope", "Domain List", "Default Access Token Expiration Time", "Alexa Redirect URLs",
    ];

    private static IReadOnlyList<(string Page, string Text)> Pages() =>
        Directory.EnumerateFiles(AdminPages, "*.cshtml", SearchOption.AllDirectories)
            .Select(path => (Path.GetRelativePath(AdminPages, path).Replace('\\', '/'), File.ReadAllText(path)))
            .Order()
            .ToList();

    [Fact]
    public void ConsoleKeysInTheAdminPages_AreInAllNineResourceFiles()
    {
        var used = Pages().SelectMany(p => ConsoleLookup().Matches(p.Text).Select(m => (Key: m.Groups["key"].Value, p.Page))).ToList();
        var files = PageTexts.ResourceFiles().Prepend(PageTexts.English()).ToList();
        var report = new StringBuilder();
        foreach (var file in files)
        {
            foreach (var (key, page) in used.Where(u => !file.Entries.ContainsKey(u.Key)).DistinctBy(u => u.Key))
                report.AppendLine(CultureInfo.InvariantCulture, $"{file.FileName} lacks \"{key}\" (used in {page})");
        }

        Assert.Equal(9, files.Count);
        Assert.True(used.Select(u => u.Page).Distinct().Count() >= 30, $"Only {used.Select(u => u.Page).Distinct().Count()} admin pages look up Console texts.");
        Assert.True(report.Length == 0, report.ToString());
    }

    [Fact]
    public void TranslationFiles_HoldNoKeyTheEnglishFileLacks()
    {
        var english = PageTexts.English().Entries.Keys.ToHashSet(StringComparer.Ordinal);
        var extra = PageTexts.ResourceFiles()
            .SelectMany(f => f.Entries.Keys.Where(k => !english.Contains(k)).Select(k => $"{f.FileName}: \"{k}\""))
            .ToList();

        Assert.True(extra.Count == 0, "Not in SharedResource.resx:" + Environment.NewLine + string.Join(Environment.NewLine, extra));
    }

    [Fact]
    public void AdminPages_ShowNoEnglishTypedIntoTheirMarkup()
    {
        var report = new StringBuilder();
        foreach (var (page, razor) in Pages())
        {
            foreach (var text in TypedWords(razor))
                report.AppendLine(CultureInfo.InvariantCulture, $"    {page}: \"{text}\"");
        }

        Assert.True(report.Length == 0, "Look these texts up with T[\"Console.…\"] and translate them:" + Environment.NewLine + report);
    }

    [Fact]
    public void TypedWords_FindsEnglishBetweenTagsButNotCodeLookupsOrNames()
    {
        Assert.Equal(["Sign in", "(optional)"], TypedWords("<h1>Sign in</h1><label>@T[\"Console.Email\"] <span>(optional)</span></label>"));
        Assert.Empty(TypedWords("<h1>@T[\"Console.Team\"]</h1><code>/t/your-slug</code> @* a comment *@ <a>AlexaLinkHub</a> <td>@e.Actor</td>"));
    }

    /// <summary>The texts between tags that hold words and no Razor: English someone typed instead of looking up.</summary>
    private static List<string> TypedWords(string razor)
    {
        var markup = Code().Replace(RazorComment().Replace(razor, string.Empty), string.Empty);
        return TextBetweenTags().Matches(markup)
            .Select(m => m.Groups[1].Value.Trim())
            .Where(text => Word().IsMatch(text) && !RazorOrCode().IsMatch(text) && !ProperNames.Contains(text))
            .ToList();
    }

    [GeneratedRegex("""(?<![\w.])T\[\s*"(?<key>Console\.[A-Za-z]+)["]""")]
    private static partial Regex ConsoleLookup();

    [GeneratedRegex(@"@\*.*?\*@", RegexOptions.Singleline)]
    private static partial Regex RazorComment();

    [GeneratedRegex(@"<(code|script|style)\b[^>]*>.*?</\1>", RegexOptions.Singleline)]
    private static partial Regex Code();

    [GeneratedRegex(@">([^<>]*)<")]
    private static partial Regex TextBetweenTags();

    [GeneratedRegex("[A-Za-z]{3,}")]
    private static partial Regex Word();

    // Razor expressions and C# (a lambda's "=>" makes code look like markup) are not typed words.
    [GeneratedRegex("""[{};=@"]""")]
    private static partial Regex RazorOrCode();
}
