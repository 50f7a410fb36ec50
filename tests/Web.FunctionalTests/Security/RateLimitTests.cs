using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using AlexaLinkHub.TestSupport;
using AlexaLinkHub.Web.FunctionalTests.Linking;
using AlexaLinkHub.Web.FunctionalTests.Linking.Support;
using AlexaLinkHub.Web.FunctionalTests.Support;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace AlexaLinkHub.Web.FunctionalTests.Security;

/// <summary>An app whose limits are low for a few tenants (per-tenant overrides) and for the admin sign-in and API, and
/// whose connections come from the address a test names (the in-memory server has none).</summary>
public class RateLimitFixture : IAsyncLifetime
{
    public const string OAuthTenant = "rl-oauth";
    public const string PagesTenant = "rl-pages";
    public const string XffTenant = "rl-xff";
    public const string PeerHeader = "X-Test-Peer";

    public AlexaLinkHubFactory Factory { get; private set; } = null!;
    public HttpClient Platform { get; private set; } = null!;

    protected virtual Dictionary<string, string?> Settings => new()
    {
        [$"RateLimits:Tenants:{OAuthTenant}:OAuthPerClient:Permits"] = "3",
        [$"RateLimits:Tenants:{OAuthTenant}:OAuthPerClient:Burst"] = "3",
        [$"RateLimits:Tenants:{OAuthTenant}:OAuthPerClient:Period"] = "01:00:00",
        [$"RateLimits:Tenants:{OAuthTenant}:OAuthPerTenant:Permits"] = "5",
        [$"RateLimits:Tenants:{OAuthTenant}:OAuthPerTenant:Burst"] = "5",
        [$"RateLimits:Tenants:{OAuthTenant}:OAuthPerTenant:Period"] = "01:00:00",
        [$"RateLimits:Tenants:{PagesTenant}:TenantPagesPerIp:Permits"] = "2",
        [$"RateLimits:Tenants:{PagesTenant}:TenantPagesPerIp:Burst"] = "2",
        [$"RateLimits:Tenants:{PagesTenant}:TenantPagesPerIp:Period"] = "01:00:00",
        [$"RateLimits:Tenants:{XffTenant}:TenantPagesPerIp:Permits"] = "2",
        [$"RateLimits:Tenants:{XffTenant}:TenantPagesPerIp:Burst"] = "2",
        [$"RateLimits:Tenants:{XffTenant}:TenantPagesPerIp:Period"] = "01:00:00",
        ["RateLimits:AdminSignInPerIp:Permits"] = "3",
        ["RateLimits:AdminSignInPerIp:Burst"] = "3",
        ["RateLimits:AdminSignInPerIp:Period"] = "01:00:00",
    };

    public async ValueTask InitializeAsync()
    {
        Factory = await AlexaLinkHubFactory.CreateAsync(settings: Settings, services: s => s.AddSingleton<IStartupFilter, PeerAddress>());
        Platform = Factory.CreateApiClient();
    }

    public HttpClient Browser() => Factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });

    public async ValueTask DisposeAsync()
    {
        Platform.Dispose();
        await Factory.DisposeAsync();
        GC.SuppressFinalize(this);
    }

    /// <summary>Sets the connection's address from <see cref="PeerHeader"/>, before anything else runs — what a real
    /// socket would say.</summary>
    private sealed class PeerAddress : IStartupFilter
    {
        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            app.Use((context, nextMiddleware) =>
            {
                if (context.Request.Headers.TryGetValue(PeerHeader, out var peer) && IPAddress.TryParse(peer, out var address))
                    context.Connection.RemoteIpAddress = address;
                return nextMiddleware(context);
            });
            next(app);
        };
    }
}

/// <summary>The same app with 203.0.113.9 as a trusted proxy.</summary>
public sealed class TrustedProxyFixture : RateLimitFixture
{
    protected override Dictionary<string, string?> Settings => new(base.Settings) { ["App:TrustedProxies:0"] = "203.0.113.9" };
}

public sealed class RateLimitTests(RateLimitFixture app) : IClassFixture<RateLimitFixture>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static async Task<RegisteredSkill> SkillOfAsync(HttpClient platform, string slug)
    {
        if (!(await platform.GetAsync($"/api/v1/tenants/{slug}", Ct)).IsSuccessStatusCode)
            await platform.CreateLinkTenantAsync(slug);
        return await platform.RegisterLinkSkillAsync(slug);
    }

    private static Task<HttpResponseMessage> IntrospectAsync(HttpClient http, RegisteredSkill skill) =>
        LinkAssert.PostAsClientAsync(http, $"/t/{skill.Slug}/connect/introspect", skill.ClientId, skill.ClientSecret, basic: true, new() { ["token"] = "not-a-token" });

    [Fact]
    public async Task OAuthEndpoints_PerSkillThenPerTenant_Answer429WithRetryAfterAndAJsonError_OtherTenantsAreNotAffected()
    {
        var first = await SkillOfAsync(app.Platform, RateLimitFixture.OAuthTenant);
        var second = await SkillOfAsync(app.Platform, RateLimitFixture.OAuthTenant);
        var elsewhere = await app.Platform.ArrangeLinkAsync();

        var firstSkill = new List<HttpStatusCode>();
        for (var i = 0; i < 4; i++)
            firstSkill.Add((await IntrospectAsync(app.Platform, first)).StatusCode);
        var secondSkill = new List<HttpStatusCode>();
        for (var i = 0; i < 3; i++)
            secondSkill.Add((await IntrospectAsync(app.Platform, second)).StatusCode);
        var refused = await IntrospectAsync(app.Platform, second);
        var otherTenant = await IntrospectAsync(app.Platform, elsewhere.Skill);

        // Skill one: its own limit (3). Skill two: the tenant's (5 in all) runs out after two more.
        Assert.Equal([HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.TooManyRequests], firstSkill);
        Assert.Equal([HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.TooManyRequests], secondSkill);
        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
        Assert.True(int.Parse(refused.Headers.GetValues("Retry-After").Single(), System.Globalization.CultureInfo.InvariantCulture) > 0);
        Assert.Equal("application/json", refused.Content.Headers.ContentType?.MediaType);
        var error = JsonDocument.Parse(await refused.Content.ReadAsStringAsync(Ct)).RootElement;
        Assert.Equal("temporarily_unavailable", error.Str("error"));
        Assert.Equal(HttpStatusCode.OK, otherTenant.StatusCode);
    }

    [Fact]
    public async Task TenantPages_PerClientAddress_RefuseWithTheTenantsBrandedPageInTheVisitorsLanguage()
    {
        await app.Platform.CreateLinkTenantAsync(RateLimitFixture.PagesTenant, "Page Rides");
        using var browser = app.Browser();
        browser.DefaultRequestHeaders.AcceptLanguage.ParseAdd("de-DE");
        browser.DefaultRequestHeaders.Add(RateLimitFixture.PeerHeader, "198.51.100.20");
        using var neighbour = app.Browser();
        neighbour.DefaultRequestHeaders.Add(RateLimitFixture.PeerHeader, "198.51.100.21");

        for (var i = 0; i < 2; i++)
            Assert.Equal(HttpStatusCode.OK, (await browser.GetAsync($"/t/{RateLimitFixture.PagesTenant}/login", Ct)).StatusCode);
        var refused = await browser.GetAsync($"/t/{RateLimitFixture.PagesTenant}/login", Ct);
        var other = await neighbour.GetAsync($"/t/{RateLimitFixture.PagesTenant}/login", Ct);

        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
        Assert.True(refused.Headers.Contains("Retry-After"));
        var html = await refused.Content.ReadAsStringAsync(Ct);
        Assert.Contains("Page Rides", html, StringComparison.Ordinal);
        Assert.Contains("Zu viele Anfragen", html, StringComparison.Ordinal);
        Assert.Contains("lang=\"de-DE\"", html, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, other.StatusCode);
    }

    [Fact]
    public async Task AdminSignIn_PerClientAddress_Is429AfterTheLimit()
    {
        using var browser = app.Browser();
        browser.DefaultRequestHeaders.Add(RateLimitFixture.PeerHeader, "198.51.100.30");
        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 4; i++)
        {
            using var form = new FormUrlEncodedContent([new("Input.Email", "nobody@example.com"), new("Input.Password", "wrong")]);
            statuses.Add((await browser.PostAsync("/admin/login", form, Ct)).StatusCode);
        }

        // The first three reach the page (refused there for their missing antiforgery token); the fourth never does.
        Assert.DoesNotContain(HttpStatusCode.TooManyRequests, statuses.Take(3));
        Assert.Equal(HttpStatusCode.TooManyRequests, statuses[3]);
    }

    [Fact]
    public async Task ForwardedFor_FromAnUntrustedPeer_IsIgnored_SoEveryForwardedAddressSharesThePeersLimit()
    {
        await app.Platform.CreateLinkTenantAsync(RateLimitFixture.XffTenant);
        var statuses = await ForwardedLoginsAsync(app.Browser(), RateLimitFixture.XffTenant);

        Assert.Equal(HttpStatusCode.OK, statuses[0]);
        Assert.Equal(HttpStatusCode.TooManyRequests, statuses[^1]);
    }

    /// <summary>Three login pages from 203.0.113.9, each forwarded for another client.</summary>
    internal static async Task<List<HttpStatusCode>> ForwardedLoginsAsync(HttpClient browser, string slug)
    {
        using (browser)
        {
            var statuses = new List<HttpStatusCode>();
            for (var i = 1; i <= 3; i++)
            {
                using var request = new HttpRequestMessage(HttpMethod.Get, $"/t/{slug}/login");
                request.Headers.Add(RateLimitFixture.PeerHeader, "203.0.113.9");
                request.Headers.Add("X-Forwarded-For", $"198.51.100.{i}");
                statuses.Add((await browser.SendAsync(request, Ct)).StatusCode);
            }
            return statuses;
        }
    }
}

public sealed class TrustedProxyTests(TrustedProxyFixture app) : IClassFixture<TrustedProxyFixture>
{
    [Fact]
    public async Task ForwardedFor_FromATrustedProxy_IsTheClientAddress_SoEachClientHasItsOwnLimit()
    {
        // The tenant's pages allow two per address: three forwarded clients are three addresses.
        await app.Platform.CreateLinkTenantAsync(RateLimitFixture.XffTenant);

        var statuses = await RateLimitTests.ForwardedLoginsAsync(app.Browser(), RateLimitFixture.XffTenant);

        Assert.All(statuses, s => Assert.Equal(HttpStatusCode.OK, s));
    }
}

public sealed class ApiKeyLimitFixture : RateLimitFixture
{
    protected override Dictionary<string, string?> Settings => new(base.Settings)
    {
        ["RateLimits:ApiPerKey:Permits"] = "4",
        ["RateLimits:ApiPerKey:Burst"] = "4",
        ["RateLimits:ApiPerKey:Period"] = "01:00:00",
    };
}

public sealed class ApiKeyLimitTests(ApiKeyLimitFixture app) : IClassFixture<ApiKeyLimitFixture>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task AdminApi_PerKey_Answers429ProblemJson_WhileAnotherKeyStillWorks()
    {
        var slug = ApiFixture.NewSlug("keys");
        await app.Platform.CreateTenantOkAsync(slug);
        using var tenantKey = app.Factory.CreateApiClient(await app.Platform.CreateTenantKeyAsync(slug));

        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 5; i++)
            statuses.Add((await tenantKey.GetAsync($"/api/v1/tenants/{slug}", Ct)).StatusCode);
        var refused = await tenantKey.GetAsync($"/api/v1/tenants/{slug}", Ct);
        var platform = await app.Platform.GetAsync($"/api/v1/tenants/{slug}", Ct);

        Assert.Equal([.. Enumerable.Repeat(HttpStatusCode.OK, 4), HttpStatusCode.TooManyRequests], statuses);
        Assert.Equal("application/problem+json", refused.Content.Headers.ContentType?.MediaType);
        Assert.True(refused.Headers.Contains("Retry-After"));
        Assert.Equal(HttpStatusCode.OK, platform.StatusCode);
    }
}
