using System.Net;
using System.Security.Claims;
using System.Text.Encodings.Web;
using AlexaLinkHub.Infrastructure.Jobs;
using AlexaLinkHub.TestSupport;
using AlexaLinkHub.Web.Admin;
using AlexaLinkHub.Web.FunctionalTests.Support;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace AlexaLinkHub.Web.FunctionalTests.Jobs;

/// <summary>The Hangfire dashboard at /admin/jobs: platform admins of the admin UI only; everyone else gets 404.</summary>
public sealed class JobsDashboardTests : IAsyncLifetime
{
    private AlexaLinkHubFactory _factory = null!;
    private WebApplicationFactory<Program> _app = null!;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync()
    {
        _factory = await AlexaLinkHubFactory.CreateAsync();
        // Stands in for the admin UI's cookie sign-in: the "Admin" scheme authenticates whoever the header names.
        _app = _factory.WithWebHostBuilder(builder => builder.ConfigureTestServices(services =>
            services.AddAuthentication().AddScheme<AuthenticationSchemeOptions, HeaderAdminHandler>(AdminAuthentication.Scheme, null)));
    }

    public async ValueTask DisposeAsync()
    {
        await _app.DisposeAsync();
        await _factory.DisposeAsync();
    }

    private HttpClient Client(string? admin = null, string? apiKey = null)
    {
        var client = _app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        if (admin is not null)
            client.DefaultRequestHeaders.Add(HeaderAdminHandler.Header, admin);
        if (apiKey is not null)
            client.DefaultRequestHeaders.Authorization = ApiAssert.Bearer(apiKey);
        return client;
    }

    [Theory]
    [InlineData("/admin/jobs")]
    [InlineData("/admin/jobs/recurring")]
    [InlineData("/admin/jobs/stats")]
    public async Task Dashboard_Anonymous_IsNotFound(string path)
    {
        using var client = Client();

        using var response = await client.GetAsync(path, Ct);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Null(response.Headers.Location);
    }

    [Fact]
    public async Task Dashboard_PlatformApiKey_IsNotFound()
    {
        using var client = Client(apiKey: AlexaLinkHubFactory.PlatformApiKey);

        using var response = await client.GetAsync("/admin/jobs", Ct);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task Dashboard_TenantAdmin_IsNotFound()
    {
        using var client = Client(admin: "tenant");

        using var response = await client.GetAsync("/admin/jobs/recurring", Ct);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task Dashboard_PlatformAdmin_SeesTheRecurringJobsWithoutTheConnectionString()
    {
        using var client = Client(admin: "platform");

        using var home = await client.GetAsync("/admin/jobs", Ct);
        using var recurring = await client.GetAsync("/admin/jobs/recurring", Ct);

        Assert.Equal(HttpStatusCode.OK, home.StatusCode);
        Assert.Equal("text/html", home.Content.Headers.ContentType?.MediaType);
        var html = await recurring.Content.ReadAsStringAsync(Ct);
        Assert.Equal(HttpStatusCode.OK, recurring.StatusCode);
        Assert.Contains("AlexaLinkHub jobs", html, StringComparison.Ordinal);
        Assert.All([RecurringJobs.EmailSweep, RecurringJobs.WebhookSweep, RecurringJobs.PruneTokens, RecurringJobs.TrimAuditLog],
            id => Assert.Contains(id, html, StringComparison.Ordinal));
        Assert.DoesNotContain(".jobs.db", html + await home.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
    }

    private sealed class HeaderAdminHandler(IOptionsMonitor<AuthenticationSchemeOptions> options, ILoggerFactory logger, UrlEncoder encoder)
        : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
    {
        public const string Header = "X-Test-Admin";

        protected override Task<AuthenticateResult> HandleAuthenticateAsync()
        {
            if (!Request.Headers.TryGetValue(Header, out var who))
                return Task.FromResult(AuthenticateResult.NoResult());
            var claims = new List<Claim> { new(ClaimTypes.Name, $"{who}@alh.test") };
            if (who == "platform")
                claims.Add(new Claim(AdminClaims.PlatformAdmin, "true"));
            var principal = new ClaimsPrincipal(new ClaimsIdentity(claims, Scheme.Name));
            return Task.FromResult(AuthenticateResult.Success(new AuthenticationTicket(principal, Scheme.Name)));
        }
    }
}
