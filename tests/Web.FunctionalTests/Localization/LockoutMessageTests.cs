using System.Net;
using AlexaLinkHub.TestSupport;
using AlexaLinkHub.Web.FunctionalTests.Support;
using AlexaLinkHub.Web.FunctionalTests.Localization.Support;

namespace AlexaLinkHub.Web.FunctionalTests.Localization;

/// <summary>The app with a lockout shorter than a minute, so the login page's "wait" message is the singular one.</summary>
public sealed class ShortLockoutFixture : IAsyncLifetime
{
    private AlexaLinkHubFactory? _factory;

    public AlexaLinkHubFactory Factory => _factory ?? throw new InvalidOperationException("The fixture is not initialized.");

    public async ValueTask InitializeAsync() =>
        _factory = await AlexaLinkHubFactory.CreateAsync(settings: new Dictionary<string, string?>
        {
            ["App:PublicBaseUrl"] = ApiFixture.PublicBaseUrl,
            ["SignIn:MaxFailedAttempts"] = "2",
            ["SignIn:LockoutDuration"] = "00:00:30",
        });

    public async ValueTask DisposeAsync()
    {
        if (_factory is not null)
            await _factory.DisposeAsync();
    }
}

/// <summary>A lockout with under a minute left says "a minute", never "1 minutes", in every language.</summary>
public sealed class LockoutMessageTests(ShortLockoutFixture app) : IClassFixture<ShortLockoutFixture>
{
    [Theory]
    [InlineData("en-US", "Too many failed attempts. Wait a minute and try again, or reset your password.")]
    [InlineData("de-DE", "Zu viele fehlgeschlagene Versuche. Warten Sie eine Minute und versuchen Sie es dann erneut, oder setzen Sie Ihr Passwort zurück.")]
    [InlineData("ja-JP", "サインインに何度も失敗しました。1 分後にもう一度お試しいただくか、パスワードをリセットしてください。")]
    public async Task Login_LockedOutForUnderAMinute_SaysWaitAMinute(string acceptLanguage, string message)
    {
        var slug = ApiFixture.NewSlug();
        using var platform = app.Factory.CreateApiClient();
        await platform.CreateTenantOkAsync(slug, LocalizedPageSetup.TenantName);
        var setup = new LocalizedPageSetup(slug, ClientId: "none");
        using var browser = app.Factory.CreateApiClient(apiKey: null);
        using var first = await setup.SubmitLoginAsync(browser, "jo@example.com", "wrong password", acceptLanguage);
        Assert.Equal(HttpStatusCode.OK, first.StatusCode);

        using var second = await setup.SubmitLoginAsync(browser, "jo@example.com", "wrong password", acceptLanguage);

        var page = await TenantPage.ReadAsync(second);
        Assert.Equal(new[] { message }, page.Texts("li"));
    }
}
