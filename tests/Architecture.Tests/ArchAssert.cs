namespace AlexaLinkHub.Architecture.Tests;

internal static class ArchAssert
{
    /// <summary>Fails with the rule and every offender, one per line, so the message alone says what to fix.</summary>
    public static void NoOffenders(IEnumerable<string> offenders, string rule)
    {
        var list = offenders.Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
        Assert.True(list.Count == 0, $"{rule}{Environment.NewLine}{list.Count} offender(s):{Environment.NewLine}  {string.Join(Environment.NewLine + "  ", list)}");
    }

    public static void Passes(NetArchTest.Rules.TestResult result, string rule) =>
        NoOffenders(result.IsSuccessful ? [] : result.FailingTypeNames ?? ["(NetArchTest reported a failure without naming types)"], rule);

    /// <summary>Sanity check for rules that filter types first: a rule that matches nothing proves nothing.</summary>
    public static void NotVacuous<T>(IReadOnlyCollection<T> subjects, string what) =>
        Assert.True(subjects.Count > 0, $"The rule found no {what} to check: the filter is wrong, not the code.");
}
