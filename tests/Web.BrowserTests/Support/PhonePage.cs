using System.Text;
using Microsoft.Playwright;

namespace AlexaLinkHub.Web.BrowserTests.Support;

/// <summary>A page in a fresh phone-sized browser context that records what a user would never want to see: dialogs,
/// script errors and console messages (Chromium reports Content-Security-Policy violations there as "Refused to …").</summary>
public sealed class PhonePage : IAsyncDisposable
{
    /// <summary>What the Alexa app's browser shows at the end of a link; stands in for Amazon's page.</summary>
    private const string AmazonPage = "<!doctype html><html><head><title>Alexa</title></head><body><p>Account linking status</p></body></html>";

    private readonly IBrowserContext _context;
    private readonly List<string> _console = [];
    private readonly List<string> _pageErrors = [];
    private readonly List<string> _dialogs = [];
    private readonly List<string> _amazonRequests = [];
    private readonly List<string> _navigations = [];
    private readonly DateTimeOffset _opened = DateTimeOffset.UtcNow;

    private PhonePage(IBrowserContext context, IPage page)
    {
        _context = context;
        Page = page;
        page.Console += (_, message) => { lock (_console) _console.Add($"{message.Type}: {message.Text}"); };
        page.PageError += (_, error) => { lock (_pageErrors) _pageErrors.Add(error); };
        // Each document the page loaded (status, method, address without its query), for the message of a timeout.
        page.Response += (_, response) =>
        {
            if (response.Request.IsNavigationRequest)
                lock (_navigations) _navigations.Add($"{DateTime.UtcNow:HH:mm:ss.fff} {response.Status} {response.Request.Method} {Address(response.Url)}");
        };
        page.RequestFailed += (_, request) =>
        {
            if (request.IsNavigationRequest)
                lock (_navigations) _navigations.Add($"{DateTime.UtcNow:HH:mm:ss.fff} failed ({request.Failure}) {request.Method} {Address(request.Url)}");
        };
        page.Dialog += (_, dialog) =>
        {
            lock (_dialogs) _dialogs.Add($"{dialog.Type}: {dialog.Message}");
            // Recorded for the assertion; dismissed so that a dialog fails the test instead of hanging it.
            dialog.DismissAsync();
        };
    }

    public IPage Page { get; }

    /// <summary>How long a navigation may take before the test fails.</summary>
    public static readonly TimeSpan NavigationTimeout = TimeSpan.FromSeconds(15);

    /// <summary>The app the browser tests drive (set by <see cref="LinkHub"/>): its warnings go into a timeout's message.</summary>
    public static AlexaLinkHub.TestSupport.RecentLog? ServerLog { get; set; }

    public IReadOnlyList<string> ConsoleMessages { get { lock (_console) return [.. _console]; } }
    public IReadOnlyList<string> PageErrors { get { lock (_pageErrors) return [.. _pageErrors]; } }
    public IReadOnlyList<string> Dialogs { get { lock (_dialogs) return [.. _dialogs]; } }

    /// <summary>Console messages in which Chromium reports a Content-Security-Policy violation.</summary>
    public IReadOnlyList<string> CspViolations =>
        [.. ConsoleMessages.Where(m => m.Contains("Refused to", StringComparison.Ordinal) || m.Contains("Content Security Policy", StringComparison.Ordinal))];

    public static async Task<PhonePage> OpenAsync(IBrowserContext context)
    {
        // A page that does not load within this time is broken; the default (30 s) only makes failures slow.
        context.SetDefaultTimeout(10_000);
        context.SetDefaultNavigationTimeout((float)NavigationTimeout.TotalMilliseconds);
        return new PhonePage(context, await context.NewPageAsync());
    }

    /// <summary>Answers every request to Amazon's redirect host with a small page, so the final navigation of a link
    /// ends there (its URL, fragment included, is the page's URL) without leaving this machine.</summary>
    /// <remarks>Not <c>Page.RouteAsync</c>: Playwright never hands a redirect hop to a route (its Chromium network manager
    /// continues every request that has <c>redirectedFrom</c>), and the link ends with exactly that, a 302 from our
    /// authorization endpoint to Amazon. The DevTools Fetch domain pauses redirect hops too. The browser follows the
    /// redirect itself, after its CSP checks, as the Alexa app's browser would.</remarks>
    public async Task InterceptAmazonAsync()
    {
        var body = Convert.ToBase64String(Encoding.UTF8.GetBytes(AmazonPage));
        var devTools = await _context.NewCDPSessionAsync(Page);
        devTools.Event("Fetch.requestPaused").OnEvent += async (_, paused) =>
        {
            try
            {
                var request = paused!.Value;
                lock (_amazonRequests) _amazonRequests.Add(request.GetProperty("request").GetProperty("url").GetString()!);
                await devTools.SendAsync("Fetch.fulfillRequest", new Dictionary<string, object>
                {
                    ["requestId"] = request.GetProperty("requestId").GetString()!,
                    ["responseCode"] = 200,
                    ["responseHeaders"] = new[] { new Dictionary<string, object> { ["name"] = "Content-Type", ["value"] = "text/html; charset=utf-8" } },
                    ["body"] = body,
                });
            }
            catch (Exception exception)
            {
                // The context may close while a request is paused; anything else shows up as a failed navigation.
                lock (_pageErrors) _pageErrors.Add("Amazon stand-in: " + exception.Message);
            }
        };
        await devTools.SendAsync("Fetch.enable", new Dictionary<string, object>
        {
            ["patterns"] = new[] { new Dictionary<string, object> { ["urlPattern"] = BrowserLinkSetup.AmazonOrigin + "/*", ["requestStage"] = "Request" } },
        });
    }

    /// <summary>The URLs the browser requested from Amazon's host (without fragments: a browser never sends those).</summary>
    public IReadOnlyList<string> AmazonRequests { get { lock (_amazonRequests) return [.. _amazonRequests]; } }

    /// <summary>Waits until the browser is at Amazon's redirect URL and returns the parameters of its fragment.</summary>
    public async Task<IReadOnlyDictionary<string, string>> WaitForAmazonAsync()
    {
        if (!await ReachesAsync(url => url.StartsWith(BrowserLinkSetup.AlexaRedirectUrl, StringComparison.Ordinal)))
            throw new TimeoutException($"The browser did not reach Amazon's redirect URL within {NavigationTimeout.TotalSeconds:0} s. {await DescribeAsync()}");
        return Fragment.Parse(Page.Url);
    }

    /// <summary>Waits until the page's URL matches; false after <see cref="NavigationTimeout"/>.</summary>
    /// <remarks>Polls the URL instead of <c>Page.WaitForURLAsync</c>: that also waits for the new document's "load" (or
    /// "commit") lifecycle event, and for the stand-in page, fulfilled over a CDP session of our own past Playwright's
    /// network manager, Playwright sometimes never records one. The page is then at Amazon, showing its text, and the
    /// wait times out (seen on a loaded machine, about 1 run in 12). Tests that care about the page check its text.</remarks>
    public async Task<bool> ReachesAsync(Func<string, bool> url)
    {
        var deadline = DateTime.UtcNow + NavigationTimeout;
        while (!url(Page.Url))
        {
            if (DateTime.UtcNow > deadline)
                return false;
            await Task.Delay(25);
        }
        return true;
    }

    /// <summary>Where the page is and how it got there, with what the page and the server reported on the way.</summary>
    public async Task<string> DescribeAsync()
    {
        string text;
        try
        {
            text = (await Page.Locator("body").InnerTextAsync(new() { Timeout = 2_000 })).ReplaceLineEndings(" ");
            if (text.Length > 400)
                text = text[..400] + "…";
        }
        catch (Exception exception) when (exception is TimeoutException or PlaywrightException)
        {
            text = $"(no text: {exception.Message.Split('\n')[0]})";
        }
        string navigations, errors;
        lock (_navigations) navigations = string.Join("; ", _navigations);
        lock (_pageErrors) errors = string.Join("; ", _pageErrors);
        var nl = Environment.NewLine;
        return $"The page is at {Address(Page.Url)}, showing: {text}{nl}" +
               $"Documents loaded: {navigations}{nl}" +
               $"Amazon requests: {AmazonRequests.Count}; page errors: {(errors.Length == 0 ? "none" : errors)}{nl}" +
               $"Console: {string.Join("; ", ConsoleMessages.Select(m => m.Length > 200 ? m[..200] + "…" : m))}{nl}" +
               $"The server's warnings since the page opened:{nl}{ServerLog?.Since(_opened) ?? "(no server log)"}";
    }

    /// <summary>A URL without its query and fragment (codes, states and tokens travel there).</summary>
    private static string Address(string url) => url.Split('?', '#')[0];

    public Task ScreenshotAsync(string name) =>
        Page.ScreenshotAsync(new PageScreenshotOptions { Path = Screenshots.PathOf(name), FullPage = true });

    public async ValueTask DisposeAsync() => await _context.DisposeAsync();
}
