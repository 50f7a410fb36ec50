using System.Text.RegularExpressions;

namespace AlexaLinkHub.Architecture.Tests;

/// <summary>The tests are found the way the code is: one name per class, one folder scheme.</summary>
public partial class TestSuiteConventionTests
{
    [Fact]
    public void TestTypes_EachNameIsDeclaredOnce()
    {
        var declared = Source.CSharp("tests")
            .SelectMany(f => TypeDeclaration().Matches(f.Text).Select(m => (Name: m.Groups["name"].Value, f.Path)))
            .ToList();
        ArchAssert.NotVacuous(declared, "test types");

        var offenders = declared.GroupBy(d => d.Name).Where(g => g.Count() > 1)
            .Select(g => $"{g.Key}: {string.Join(", ", g.Select(d => d.Path))}");

        ArchAssert.NoOffenders(offenders, "A test class (or helper) name is used once across tests/: a failing test's name alone says where it is.");
    }

    [Fact]
    public void FunctionalTests_LiveInAreaFoldersWithTheirHelpersInSupport()
    {
        var files = Source.CSharp("tests/Web.FunctionalTests");
        ArchAssert.NotVacuous(files, "functional test files");

        var offenders = files.Select(f => (f.Path, Parts: f.Path["tests/Web.FunctionalTests/".Length..].Split('/'), Tests: TestClass().IsMatch(f.Text)))
            .Where(f => f.Parts.Length < 2
                        || (f.Parts[^2] == "Support") == f.Tests
                        || (f.Parts.Length > 2 && f.Parts[^2] != "Support"))
            .Select(f => f.Parts.Length < 2 ? $"{f.Path} (at the project's root)" : f.Tests ? $"{f.Path} (tests in a Support folder)" : $"{f.Path} (no test here: a helper belongs in {string.Join('/', f.Parts[..^1])}/Support or Support)");

        ArchAssert.NoOffenders(offenders, "Web.FunctionalTests has one folder scheme: <Area>/<Name>Tests.cs for tests, <Area>/Support/ (or Support/ for every area) for what they share.");
    }

    [GeneratedRegex(@"^\s*(?:public|internal)(?:\s+(?:sealed|static|abstract|partial))*\s+(?:class|record)\s+(?<name>[A-Z][A-Za-z0-9]*)", RegexOptions.Multiline)]
    private static partial Regex TypeDeclaration();

    [GeneratedRegex(@"^\s*public(?:\s+sealed)?(?:\s+partial)?\s+class\s+\w+Tests\b", RegexOptions.Multiline)]
    private static partial Regex TestClass();
}
