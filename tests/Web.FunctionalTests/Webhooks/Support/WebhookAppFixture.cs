using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using AlexaLinkHub.Infrastructure.Persistence;
using AlexaLinkHub.TestSupport;
using AlexaLinkHub.Web.FunctionalTests.Localization;
using AlexaLinkHub.Web.FunctionalTests.Support;
using Hangfire;
using Hangfire.States;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using AlexaLinkHub.Web.FunctionalTests.Localization.Support;

namespace AlexaLinkHub.Web.FunctionalTests.Webhooks.Support;

/// <summary>The real app with its job server running, webhooks to loopback allowed (the receiver listens on 127.0.0.1),
/// and a fake clock (at the real time) that tests advance to make retries due.</summary>
public class WebhookAppFixture : IAsyncLifetime
{
    protected virtual DatabaseProvider Provider => DatabaseProvider.Sqlite;

    public FakeTimeProvider Clock { get; } = new(DateTimeOffset.UtcNow);

    public AlexaLinkHubFactory Factory { get; private set; } = null!;

    public HttpClient Platform { get; private set; } = null!;

    public async ValueTask InitializeAsync()
    {
        Factory = await AlexaLinkHubFactory.CreateAsync(Provider, new Dictionary<string, string?>
        {
            ["App:PublicBaseUrl"] = ApiFixture.PublicBaseUrl,
            ["Webhooks:AllowLoopback"] = "true",
        }, Clock);
        Platform = Factory.CreateApiClient();
    }

    public async ValueTask DisposeAsync()
    {
        Platform.Dispose();
        await Factory.DisposeAsync();
        GC.SuppressFinalize(this);
    }

    /// <summary>Waits for a Hangfire job to finish and returns what it returned (its <c>Result</c>).</summary>
    public async Task<string?> JobResultAsync(string jobId)
    {
        var monitoring = Factory.Services.GetRequiredService<JobStorage>().GetMonitoringApi();
        return await Eventually.ValueAsync(() =>
        {
            var history = monitoring.JobDetails(jobId)?.History ?? [];
            var failed = history.FirstOrDefault(h => h.StateName == FailedState.StateName);
            if (failed is not null)
                throw new InvalidOperationException($"Job {jobId} failed: {(failed.Data.TryGetValue("ExceptionMessage", out var message) ? message : "?")}");
            var succeeded = history.FirstOrDefault(h => h.StateName == SucceededState.StateName);
            return Task.FromResult(succeeded is null ? null : new Box(succeeded.Data.TryGetValue("Result", out var result) ? JsonSerializer.Deserialize<string>(result) : null));
        }, $"job {jobId} to succeed") is { } box ? box.Value : null;
    }

    private sealed record Box(string? Value);
}

/// <summary>The same on PostgreSQL: Hangfire's storage then lives in the app database (schema <c>hangfire</c>).</summary>
public sealed class PostgresWebhookAppFixture : WebhookAppFixture
{
    protected override DatabaseProvider Provider => DatabaseProvider.PostgreSql;
}

/// <summary>A tenant with a skill, an end user and a webhook to <see cref="Receiver"/>, arranged through the admin API.</summary>
public sealed partial class WebhookScenario
{
    public const string Password = "correct horse battery";

    private WebhookScenario(WebhookAppFixture app, WebhookReceiver receiver, string slug, Guid tenantId, string clientId, string clientSecret, string email, Guid userId, Guid webhookId, string secret)
    {
        App = app;
        Receiver = receiver;
        Slug = slug;
        TenantId = tenantId;
        ClientId = clientId;
        ClientSecret = clientSecret;
        Email = email;
        UserId = userId;
        WebhookId = webhookId;
        Secret = secret;
    }

    public WebhookAppFixture App { get; }
    public WebhookReceiver Receiver { get; }
    public string Slug { get; }
    public Guid TenantId { get; }
    public string ClientId { get; }
    public string ClientSecret { get; }
    public string Email { get; }
    public Guid UserId { get; }
    public Guid WebhookId { get; }

    /// <summary>The signing secret, as shown once when the webhook was created.</summary>
    public string Secret { get; }

    public string WebhookPath => $"/api/v1/tenants/{Slug}/webhooks/{WebhookId}";

    public static async Task<WebhookScenario> CreateAsync(WebhookAppFixture app, WebhookReceiver receiver, params string[] events)
    {
        var slug = ApiFixture.NewSlug();
        var tenant = await app.Platform.CreateTenantOkAsync(slug, LocalizedPageSetup.TenantName);
        var clientId = SkillBodies.NewClientId();
        var skill = await app.Platform.RegisterSkillOkAsync(slug, SkillBodies.Valid(clientId, LocalizedPageSetup.SkillName));
        var email = $"jo@{slug}.example";
        var user = await app.Platform.CreateUserOkAsync(slug, email);
        var created = await ApiAssert.JsonAsync(
            await app.Platform.PostAsJsonAsync($"/api/v1/tenants/{slug}/webhooks", new { url = receiver.Url($"/{slug}"), events }, TestContext.Current.CancellationToken),
            HttpStatusCode.Created);
        return new WebhookScenario(app, receiver, slug, tenant.GetProperty("id").GetGuid(), clientId, skill.Str("clientSecret"), email,
            user.GetProperty("id").GetGuid(), created.GetProperty("id").GetGuid(), created.Str("secret"));
    }

    /// <summary>The end user links the skill the way the Alexa app's browser does: sign in, consent, allow. Returns the
    /// access token from the redirect's fragment.</summary>
    public async Task<string> LinkAsync()
    {
        var setup = new LocalizedPageSetup(Slug, ClientId);
        using var browser = App.Factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        using (var signIn = await setup.SubmitLoginAsync(browser, Email, Password, acceptLanguage: null, inLinkFlow: true))
            Assert.Equal(HttpStatusCode.Found, signIn.StatusCode);
        var consent = await TenantPage.GetAsync(browser, setup.AuthorizeUrl(), acceptLanguage: null);
        Assert.Equal(HttpStatusCode.OK, consent.Status);
        var form = consent.Dom.HiddenFields().ToDictionary();
        form["decision"] = "allow";
        using var allowed = await TenantPage.PostFormAsync(browser, setup.AuthorizeUrl(), form, acceptLanguage: null);
        Assert.Equal(HttpStatusCode.Found, allowed.StatusCode);
        var location = allowed.Headers.Location!.ToString();
        var token = AccessToken().Match(location);
        Assert.True(token.Success, $"No access token in {location}");
        return Uri.UnescapeDataString(token.Groups[1].Value);
    }

    public async Task<JsonElement> DeliveriesAsync()
    {
        var response = await App.Platform.GetAsync($"{WebhookPath}/deliveries", TestContext.Current.CancellationToken);
        return await ApiAssert.JsonAsync(response, HttpStatusCode.OK);
    }

    /// <summary>Waits until the newest delivery has <paramref name="attempts"/> attempts and the given status.</summary>
    public async Task<JsonElement> WaitForDeliveryAsync(int attempts, string status) =>
        await Eventually.ValueAsync(async () =>
        {
            var deliveries = await DeliveriesAsync();
            if (deliveries.GetArrayLength() == 0)
                return (JsonElement?)null;
            var newest = deliveries[0];
            return newest.GetProperty("attempts").GetArrayLength() == attempts && newest.Str("status") == status ? newest : null;
        }, $"a delivery with {attempts} attempt(s), {status}") ?? throw new InvalidOperationException();

    public static Guid DeliveryGuid(string webhookId) => Guid.ParseExact(webhookId["msg_".Length..], "N");

    [GeneratedRegex(@"[#&]access_token=([^&]+)")]
    private static partial Regex AccessToken();
}

/// <summary>Waiting for something the app does in the background (a job), checking every 100 ms up to a deadline.</summary>
public static class Eventually
{
    public static async Task<T?> ValueAsync<T>(Func<Task<T?>> probe, string what, TimeSpan? timeout = null)
    {
        var deadline = DateTime.UtcNow + (timeout ?? TimeSpan.FromSeconds(30));
        while (true)
        {
            if (await probe() is { } value)
                return value;
            if (DateTime.UtcNow > deadline)
                throw new TimeoutException($"Gave up waiting for {what}.");
            await Task.Delay(100, TestContext.Current.CancellationToken);
        }
    }
}
