using Microsoft.Playwright;

namespace AlexaLinkHub.Web.BrowserTests.Support;

/// <summary>One headless Chromium for the whole test assembly: Debian's build (<c>ALH_CHROMIUM</c>, set by
/// build/test.sh, else /usr/bin/chromium), driven by Playwright, which never downloads a browser of its own. Every test
/// gets a fresh context (cookies, storage) of its own from <see cref="OpenPhoneAsync"/>.</summary>
public sealed class Chromium : IAsyncLifetime
{
    public const string DefaultPath = "/usr/bin/chromium";

    /// <summary>The phone every test uses (412×915 CSS pixels, touch, mobile viewport).</summary>
    public const string Device = "Pixel 7";

    private static readonly string[] Args =
    [
        "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
        "--disable-component-update", "--disable-sync", "--disable-dev-shm-usage",
    ];

    private IPlaywright? _playwright;
    private IBrowser? _browser;

    public async ValueTask InitializeAsync()
    {
        var configured = Environment.GetEnvironmentVariable("ALH_CHROMIUM");
        var path = string.IsNullOrWhiteSpace(configured) ? DefaultPath : configured;
        // A missing browser fails every test with this message; it never turns into skipped tests.
        if (!File.Exists(path))
            throw new InvalidOperationException(
                $"Chromium was not found at '{path}'. The browser tests drive Debian's Chromium: install it " +
                "(apt-get install chromium, or run build/test.sh as root) or set ALH_CHROMIUM to its path.");

        Environment.SetEnvironmentVariable("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1");
        _playwright = await Playwright.CreateAsync();
        _browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = path,
            Headless = true,
            Args = Args,
        });
    }

    /// <summary>A new browser context shaped like a Pixel 7 whose <c>Accept-Language</c> is <paramref name="locale"/>.</summary>
    public async Task<PhonePage> OpenPhoneAsync(string locale = "en-US")
    {
        var playwright = _playwright ?? throw new InvalidOperationException("Chromium is not started.");
        var options = new BrowserNewContextOptions(playwright.Devices[Device]) { Locale = locale };
        var context = await _browser!.NewContextAsync(options);
        return await PhonePage.OpenAsync(context);
    }

    /// <summary>A new browser context at a desktop size (1280×900), for the admin pages.</summary>
    public async Task<PhonePage> OpenDesktopAsync(string locale = "en-US")
    {
        var context = await (_browser ?? throw new InvalidOperationException("Chromium is not started.")).NewContextAsync(new BrowserNewContextOptions
        {
            ViewportSize = new ViewportSize { Width = 1280, Height = 900 },
            Locale = locale,
        });
        return await PhonePage.OpenAsync(context);
    }

    public async ValueTask DisposeAsync()
    {
        if (_browser is not null)
            await _browser.DisposeAsync();
        _playwright?.Dispose();
    }
}
