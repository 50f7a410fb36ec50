using System.Net;
using System.Text.Json;
using AlexaLinkHub.TestSupport;
using AlexaLinkHub.Web.FunctionalTests.Support;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.Time.Testing;

namespace AlexaLinkHub.Web.FunctionalTests.Admin.Support;

/// <summary>One running app for the admin-page tests of a class. Tests stay independent by signing up vendors (tenants)
/// of their own; <see cref="Platform"/> is the admin API with the platform key, for arranging and checking.</summary>
public class AdminFixture : IAsyncLifetime
{
    private AlexaLinkHubFactory? _factory;

    public AlexaLinkHubFactory Factory => _factory ?? throw new InvalidOperationException("The fixture is not initialized.");

    public HttpClient Platform { get; private set; } = null!;

    protected virtual IDictionary<string, string?> Settings => new Dictionary<string, string?>();

    /// <summary>The app's clock when a derived fixture drives time (<see cref="CreateClock"/>); null on the real clock.</summary>
    public FakeTimeProvider? Clock { get; private set; }

    protected virtual FakeTimeProvider? CreateClock() => null;

    public async ValueTask InitializeAsync()
    {
        var settings = new Dictionary<string, string?>(Settings) { ["App:PublicBaseUrl"] = ApiFixture.PublicBaseUrl };
        Clock = CreateClock();
        _factory = await AlexaLinkHubFactory.CreateAsync(settings: settings, clock: Clock);
        Platform = _factory.CreateApiClient();
    }

    /// <summary>A new cookie-keeping browser that does not follow redirects.</summary>
    public AdminBrowser NewBrowser() =>
        new(Factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true }));

    /// <summary>A browser signed in as the bootstrap platform admin.</summary>
    public async Task<AdminBrowser> PlatformAdminAsync()
    {
        var browser = NewBrowser();
        await browser.SignInAsync(AlexaLinkHubFactory.AdminEmail, AlexaLinkHubFactory.AdminPassword);
        return browser;
    }

    /// <summary>A vendor who signed up (self-service): a tenant of their own, signed in as its first admin.</summary>
    public async Task<(AdminBrowser Browser, string Slug, string Email)> VendorAsync(string prefix = "vendor")
    {
        var slug = ApiFixture.NewSlug(prefix);
        var email = $"{slug}@vendor.example";
        var browser = NewBrowser();
        var response = await browser.SignUpAsync(email, VendorPassword, $"{prefix} Inc.", slug);
        Assert.Equal(HttpStatusCode.Redirect, response.Status);
        return (browser, slug, email);
    }

    public const string VendorPassword = "vendor secret passphrase";

    /// <summary>Every end-user emails and admin invitations written to the pickup folder so far, as raw .eml text.</summary>
    public IReadOnlyList<string> Mails() =>
        Directory.Exists(Factory.MailDirectory) ? Directory.GetFiles(Factory.MailDirectory, "*.eml").Select(File.ReadAllText).ToList() : [];

    public async Task<JsonElement> ApiGetAsync(string url)
    {
        using var response = await Platform.GetAsync(url, TestContext.Current.CancellationToken);
        return await ApiAssert.JsonAsync(response, HttpStatusCode.OK);
    }

    public async ValueTask DisposeAsync()
    {
        Platform?.Dispose();
        if (_factory is not null)
            await _factory.DisposeAsync();
        GC.SuppressFinalize(this);
    }
}
