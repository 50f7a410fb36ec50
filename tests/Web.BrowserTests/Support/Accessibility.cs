using Deque.AxeCore.Commons;
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
        // The branding editor's preview frame is left out: its pages are the tenant pages, checked on their own.
        var context = new AxeRunContext { Exclude = [new AxeSelector("iframe")] };
        var results = await page.RunAxe(context).WaitAsync(TimeSpan.FromSeconds(90), TestContext.Current.CancellationToken)
            .ContinueWith(run => run.IsFaulted && run.Exception!.InnerException is TimeoutException
                ? throw new TimeoutException($"{page.Url}: axe-core did not finish within 90 s.")
                : run.Result, TaskScheduler.Default);
        return
        [
            .. results.Violations
                .Where(v => v.Impact is "serious" or "critical")
                .Select(v => $"{page.Url} [{page.ViewportSize?.Width}px]: {v.Id} ({v.Impact}): {string.Join(", ", v.Nodes.Select(n => n.Html))}"),
        ];
    }
}
