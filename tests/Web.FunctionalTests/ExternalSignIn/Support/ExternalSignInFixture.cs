using System.Net;
using System.Net.Http.Json;
using AlexaLinkHub.TestSupport;
using AlexaLinkHub.Web.FunctionalTests.Support;

namespace AlexaLinkHub.Web.FunctionalTests.ExternalSignIn.Support;

/// <summary>One app (real pipeline, fresh SQLite) and the vendor's real OpenID Connect provider (<see cref="OidcProvider"/>).
/// Each test arranges a tenant of its own whose provider "vendor" is a client registered at one of the provider's
/// instances with the tenant's callback URL.</summary>
public sealed class ExternalSignInFixture : IAsyncLifetime
{
    public const string ProviderName = "vendor";
    public const string DisplayName = "Car Fu Account";

    private AlexaLinkHubFactory? _factory;

    public AlexaLinkHubFactory Factory => _factory ?? throw new InvalidOperationException("The fixture is not initialized.");
    public HttpClient Platform { get; private set; } = null!;
    public OidcProvider Idp { get; private set; } = null!;

    public async ValueTask InitializeAsync()
    {
        Idp = await OidcProvider.SharedAsync();
        _factory = await AlexaLinkHubFactory.CreateAsync();
        Platform = _factory.CreateApiClient();
    }

    /// <summary>A tenant with an implicit skill (or <paramref name="skill"/>), one password user, and the external
    /// provider "vendor" at the given instance of the test provider.</summary>
    public async Task<ExternalScenario> ArrangeAsync(string instance = OidcProvider.Good, SkillSpec? skill = null)
    {
        var setup = await Platform.ArrangeLinkAsync(skill);
        await AddProviderAsync(setup.Slug, instance);
        return new ExternalScenario(setup, this);
    }

    public async Task AddProviderAsync(string slug, string instance = OidcProvider.Good, string name = ProviderName)
    {
        var callback = CallbackUrl(slug, name);
        var (clientId, secret) = await Idp.RegisterClientAsync(callback, instance);
        var response = await Platform.PostAsJsonAsync($"/api/v1/tenants/{slug}/identity-providers",
            new { name, type = "oidc", displayName = DisplayName, issuer = Idp.Issuer(instance), clientId, clientSecret = secret }, TestContext.Current.CancellationToken);
        var created = await ApiAssert.JsonAsync(response, HttpStatusCode.Created);
        Assert.Equal(callback, created.GetProperty("callbackUrl").GetString());
    }

    /// <summary>The callback URL the app reports (no App:PublicBaseUrl here: the test server's own address).</summary>
    public static string CallbackUrl(string slug, string name = ProviderName) => $"http://localhost/t/{slug}/signin/{name}/callback";

    public async ValueTask DisposeAsync()
    {
        Platform?.Dispose();
        if (_factory is not null)
            await _factory.DisposeAsync();
    }
}

/// <summary>A tenant arranged for external sign-in, and the browser steps through it.</summary>
public sealed record ExternalScenario(LinkSetup Setup, ExternalSignInFixture Fixture)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public string Slug => Setup.Slug;

    /// <summary>Opens the authorization request in <paramref name="browser"/> and returns the login page it leads to.</summary>
    public async Task<HtmlPage> OpenLoginAsync(LinkFlowClient browser, string? authorizeUrl = null)
    {
        var start = await browser.GetPageAsync(authorizeUrl ?? Setup.AuthorizeUrl());
        return await browser.FollowAsync(start, "the login page");
    }

    /// <summary>Presses "Continue with …" on <paramref name="login"/>: the answer is the redirect to the provider.</summary>
    public static async Task<HtmlPage> ContinueWithAsync(LinkFlowClient browser, HtmlPage login, string provider = ExternalSignInFixture.ProviderName)
    {
        var forms = login.Dom.Forms();
        var index = forms.ToList().FindIndex(f => f.Action.AbsolutePath.EndsWith($"/signin/{provider}", StringComparison.Ordinal));
        Assert.True(index >= 0, $"No 'Continue with' form for {provider} on {login.Url}:{Environment.NewLine}{login.Html}");
        var redirect = await browser.SubmitAsync(login, new Dictionary<string, string>(), formIndex: index);
        Assert.Equal(HttpStatusCode.Found, redirect.StatusCode);
        return redirect;
    }

    /// <summary>The whole external sign-in from the login page: continue, sign in at the provider as <paramref name="email"/>
    /// (or cancel when null), and come back: the answer of our callback.</summary>
    public static async Task<HtmlPage> SignInExternallyAsync(LinkFlowClient browser, HtmlPage login, string? email, bool emailVerified = true)
    {
        var toProvider = await ContinueWithAsync(browser, login);
        var back = await OidcProvider.SignInAsync(toProvider.Location!, email, emailVerified);
        Assert.Equal("localhost", back.Host);
        return await browser.GetPageAsync(back.PathAndQuery);
    }

    public Task<IReadOnlyList<System.Text.Json.JsonElement>> AuditAsync(string action) => Linking.Support.LinkAssert.AuditAsync(Fixture.Platform, Slug, action);

    public async Task<IReadOnlyList<string>> FailureReasonsAsync() =>
        (await AuditAsync("link.failed")).Select(e => e.GetProperty("details").GetString()!.Split(';')[0].Replace("reason=", "", StringComparison.Ordinal)).ToList();

    public static string NewEmail(string prefix = "vendor-user") => $"{prefix}-{Guid.NewGuid():N}@example.com";

    public static CancellationToken Cancellation => Ct;
}
