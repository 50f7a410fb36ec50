using System.Globalization;
using System.Text;
using AlexaLinkHub.Web.Tenancy;
using AlexaLinkHub.Web.FunctionalTests.Localization.Support;

namespace AlexaLinkHub.Web.FunctionalTests.Localization;

/// <summary>Every text the pages use is translated in every language, nothing stale is kept, and each translation takes
/// the same arguments as its English text. Read from the source, so a new page text fails here until it is translated.</summary>
public sealed class TranslationCompletenessTests
{
    private static readonly string[] ExpectedCultures = ["ar", "de", "es", "fr", "hi", "it", "ja", "pt-BR"];

    private static readonly IReadOnlyDictionary<string, string> Keys = PageTexts.Keys();
    private static readonly IReadOnlyList<PageTexts.ResourceFile> Files = PageTexts.ResourceFiles();
    private static readonly PageTexts.ResourceFile English = PageTexts.English();

    [Fact]
    public void Scan_FindsThePagesTextsAndTheResourceFiles()
    {
        // Guards the tests below against passing on nothing (a moved folder, a broken pattern).
        Assert.Contains("Login.Action", Keys.Keys);
        Assert.Contains("Consent.Heading", Keys.Keys);
        Assert.Contains("Login.PasswordRequired", Keys.Keys);
        Assert.Contains("AuthorizeError.Heading", Keys.Keys);
        Assert.Equal("Link {0} with your {1} account?", English.Entries["Consent.Heading"]);
        Assert.True(Keys.Count >= 25, $"Only {Keys.Count} texts found under {PageTexts.WebSource}.");
        Assert.Equal(ExpectedCultures, Files.Select(f => f.Culture).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Texts_AreLookedUpByResourceKeyNeverByTheirEnglishWords()
    {
        var notKeys = Keys.Where(k => !System.Text.RegularExpressions.Regex.IsMatch(k.Key, "^[A-Z][A-Za-z]*(\\.[A-Z][A-Za-z]*)+$"))
            .Select(k => $"\"{k.Key}\" (used at {k.Value})").ToList();
        Assert.True(notKeys.Count == 0, "Look a text up by its key (Area.Name), not by its English words:" + Environment.NewLine + string.Join(Environment.NewLine, notKeys));
    }

    [Fact]
    public void EnglishResourceFile_WordsEveryTextThePagesUseAndNoOther()
    {
        var missing = Keys.Where(k => !English.Entries.ContainsKey(k.Key)).Select(k => $"\"{k.Key}\" (used at {k.Value})");
        var extra = English.Entries.Keys.Where(k => !Keys.ContainsKey(k)).Select(k => $"\"{k}\" (no page uses it)");
        var problems = missing.Concat(extra).Concat(English.Duplicates.Select(d => $"\"{d}\" is defined more than once")).ToList();
        Assert.True(problems.Count == 0, $"src/Web/Resources/SharedResource.resx holds the English text of every key:{Environment.NewLine}{string.Join(Environment.NewLine, problems)}");
    }

    [Fact]
    public void ResourceFiles_TranslateEveryTextThePagesUse()
    {
        var report = new StringBuilder();
        foreach (var file in Files)
        {
            var missing = Keys.Where(k => !file.Entries.ContainsKey(k.Key)).ToList();
            if (missing.Count == 0)
                continue;
            report.AppendLine(CultureInfo.InvariantCulture, $"{file.FileName} lacks {missing.Count} text(s):");
            foreach (var (key, where) in missing)
                report.AppendLine(CultureInfo.InvariantCulture, $"    \"{key}\"  (used at {where})");
        }
        Assert.True(report.Length == 0, $"Add a translation of each text to src/Web/Resources:{Environment.NewLine}{report}");
    }

    [Fact]
    public void ResourceFiles_HoldNoTextThePagesNoLongerUse()
    {
        var report = new StringBuilder();
        foreach (var file in Files)
        {
            var extra = file.Entries.Keys.Where(k => !Keys.ContainsKey(k)).Order(StringComparer.Ordinal).ToList();
            if (extra.Count == 0)
                continue;
            report.AppendLine(CultureInfo.InvariantCulture, $"{file.FileName} has {extra.Count} text(s) no page uses:");
            foreach (var key in extra)
                report.AppendLine(CultureInfo.InvariantCulture, $"    \"{key}\"");
        }
        Assert.True(report.Length == 0,
            $"Remove these entries (or, if a key was renamed, rename the entry in every file):{Environment.NewLine}{report}");
    }

    [Fact]
    public void Translations_TakeTheSamePlaceholdersAsTheirText()
    {
        var report = new StringBuilder();
        foreach (var file in Files)
        {
            foreach (var (key, translation) in file.Entries.Where(e => Keys.ContainsKey(e.Key) && English.Entries.ContainsKey(e.Key)))
            {
                var expected = PageTexts.Placeholders(English.Entries[key]);
                var actual = PageTexts.Placeholders(translation);
                if (!expected.SetEquals(actual))
                {
                    report.AppendLine(CultureInfo.InvariantCulture,
                        $"{file.FileName}: \"{key}\" (\"{English.Entries[key]}\") has {Describe(expected)} but its translation \"{translation}\" has {Describe(actual)}");
                }
                else if (!Formats(translation, expected))
                {
                    report.AppendLine(CultureInfo.InvariantCulture, $"{file.FileName}: the translation of \"{key}\" is not a valid format string: \"{translation}\"");
                }
            }
        }
        Assert.True(report.Length == 0, report.ToString());
    }

    [Fact]
    public void Translations_AreNotEmptyAndEachTextIsDefinedOnce()
    {
        var report = new StringBuilder();
        foreach (var file in Files)
        {
            foreach (var duplicate in file.Duplicates)
                report.AppendLine(CultureInfo.InvariantCulture, $"{file.FileName}: \"{duplicate}\" is defined more than once");
            foreach (var empty in file.Entries.Where(e => string.IsNullOrWhiteSpace(e.Value)).Select(e => e.Key))
                report.AppendLine(CultureInfo.InvariantCulture, $"{file.FileName}: \"{empty}\" has an empty translation");
        }
        Assert.True(report.Length == 0, report.ToString());
    }

    [Fact]
    public void ResourceFiles_AreForLanguagesThePagesOffer()
    {
        // A file for a culture the request localization does not accept would never be used.
        var offered = TenantPagesSetup.SupportedCultures.ToHashSet(StringComparer.OrdinalIgnoreCase);
        var unused = Files.Where(f => !offered.Contains(f.Culture)).Select(f => f.FileName).ToList();
        Assert.True(unused.Count == 0, $"Not in TenantPagesSetup.SupportedCultures: {string.Join(", ", unused)}");
    }

    [Fact]
    public void Pages_LookUpTextsOnlyWithLiteralKeysThroughTheScannedLocalizers()
    {
        var problems = PageTexts.UnscannedLocalizers().Concat(PageTexts.NonLiteralLookups()).ToList();
        Assert.True(problems.Count == 0,
            "The completeness tests find texts by scanning for T[\"…\"] in Razor and text[\"…\"] in code; these would escape them:"
            + Environment.NewLine + string.Join(Environment.NewLine, problems));
    }

    private static string Describe(IReadOnlySet<int> placeholders) =>
        placeholders.Count == 0 ? "no placeholder" : string.Join(", ", placeholders.Order().Select(i => $"{{{i}}}"));

    private static bool Formats(string translation, IReadOnlySet<int> placeholders)
    {
        if (placeholders.Count == 0)
            return true;
        try
        {
            _ = string.Format(CultureInfo.InvariantCulture, translation, Enumerable.Range(0, placeholders.Max() + 1).Cast<object>().ToArray());
            return true;
        }
        catch (FormatException)
        {
            return false;
        }
    }
}
