using Deque.AxeCore.Playwright;
using Microsoft.Playwright;

namespace AlexaLinkHub.Web.BrowserTests.Support;

/// <summary>axe-core (Deque) on the page as it is now: no serious or critical violation.</summary>
public static class Accessibility
{
    public static async Task AssertNoSeriousViolationsAsync(IPage page)
    {
        var serious = await SeriousViolationsAsync(page);
        Assert.True(serious.Count == 0, string.Join("\n", serious));
    }

    /// <summary>The serious and critical violations on the page, one line each, naming the page's URL, the rule and the
    /// offending elements; a walk over many pages collects them all before it fails.</summary>
    public static async Task<IReadOnlyList<string>> SeriousViolationsAsync(IPage page)
    {
        var results = await page.RunAxe();
        return
        [
            .. results.Violations
                .Where(v => v.Impact is "serious" or "critical")
                .Select(v => $"{page.Url} [{page.ViewportSize?.Width}px]: {v.Id} ({v.Impact}): {string.Join(", ", v.Nodes.Select(n => n.Html))}"),
        ];
    }
}
