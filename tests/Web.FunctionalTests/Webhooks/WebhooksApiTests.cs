using System.Net;
using System.Net.Http.Json;
using AlexaLinkHub.Web.FunctionalTests.Support;

namespace AlexaLinkHub.Web.FunctionalTests.Webhooks;

/// <summary>The webhook admin API: create (secret shown once), read, list, delete, and problem+json for bad input.</summary>
public sealed class WebhooksApiTests(ApiFixture api) : IClassFixture<ApiFixture>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static Task<HttpResponseMessage> CreateAsync(HttpClient client, string slug, object body) =>
        client.PostAsJsonAsync($"/api/v1/tenants/{slug}/webhooks", body, Ct);

    [Fact]
    public async Task Create_ValidWebhook_Answers201WithIdAndSecretShownOnce()
    {
        var slug = ApiFixture.NewSlug();
        await api.Platform.CreateTenantOkAsync(slug);

        var response = await CreateAsync(api.Platform, slug, new { url = "https://hooks.carfu.example/alexa", events = new[] { "account.linked", "token.revoked" } });

        var created = await ApiAssert.JsonAsync(response, HttpStatusCode.Created);
        ApiAssert.HasProperties(created, "id", "secret", "url", "events", "createdAt");
        var id = created.GetProperty("id").GetGuid();
        Assert.EndsWith($"/api/v1/tenants/{slug}/webhooks/{id}", response.Headers.Location!.OriginalString, StringComparison.Ordinal);
        var secret = created.Str("secret");
        Assert.StartsWith("whsec_", secret, StringComparison.Ordinal);
        Assert.InRange(Convert.FromBase64String(secret["whsec_".Length..]).Length, 24, 32);

        var fetched = await ApiAssert.JsonAsync(await api.Platform.GetAsync($"/api/v1/tenants/{slug}/webhooks/{id}", Ct), HttpStatusCode.OK);
        Assert.Equal(["createdAt", "enabled", "events", "id", "url"], ApiAssert.PropertyNames(fetched).Order(StringComparer.Ordinal));
        Assert.Equal(["account.linked", "token.revoked"], fetched.GetProperty("events").EnumerateArray().Select(e => e.GetString()));
        var list = await ApiAssert.JsonAsync(await api.Platform.GetAsync($"/api/v1/tenants/{slug}/webhooks", Ct), HttpStatusCode.OK);
        Assert.Equal(id, Assert.Single(list.EnumerateArray()).GetProperty("id").GetGuid());
        Assert.DoesNotContain(secret, await (await api.Platform.GetAsync($"/api/v1/tenants/{slug}/webhooks", Ct)).Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Delete_Webhook_Answers204ThenItIsGone()
    {
        var slug = ApiFixture.NewSlug();
        await api.Platform.CreateTenantOkAsync(slug);
        var created = await ApiAssert.JsonAsync(await CreateAsync(api.Platform, slug, new { url = "https://hooks.carfu.example/a", events = new[] { "account.unlinked" } }), HttpStatusCode.Created);
        var path = $"/api/v1/tenants/{slug}/webhooks/{created.GetProperty("id").GetGuid()}";

        var deleted = await api.Platform.DeleteAsync(path, Ct);

        Assert.Equal(HttpStatusCode.NoContent, deleted.StatusCode);
        await ApiAssert.ProblemAsync(await api.Platform.GetAsync(path, Ct), HttpStatusCode.NotFound);
        await ApiAssert.ProblemAsync(await api.Platform.GetAsync($"{path}/deliveries", Ct), HttpStatusCode.NotFound);
        await ApiAssert.ProblemAsync(await api.Platform.DeleteAsync(path, Ct), HttpStatusCode.NotFound);
    }

    [Theory]
    [InlineData("http://hooks.carfu.example/alexa", "must use https")]
    [InlineData("https://10.0.0.1/alexa", "private, loopback or link-local")]
    [InlineData("https://169.254.169.254/latest/meta-data", "private, loopback or link-local")]
    [InlineData("https://127.0.0.1/alexa", "loopback")]
    [InlineData("https://[::1]/alexa", "loopback")]
    [InlineData("not a url", "spaces")]
    public async Task Create_BadUrl_Answers400ProblemNamingUrl(string url, string message)
    {
        var slug = ApiFixture.NewSlug();
        await api.Platform.CreateTenantOkAsync(slug);

        var problem = await ApiAssert.ProblemAsync(await CreateAsync(api.Platform, slug, new { url, events = new[] { "account.linked" } }), HttpStatusCode.BadRequest, "url");

        Assert.Contains(message, ApiAssert.ErrorsFor(problem, "url"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Create_UnknownOrNoEvents_Answers400ProblemNamingTheEvent()
    {
        var slug = ApiFixture.NewSlug();
        await api.Platform.CreateTenantOkAsync(slug);

        var unknown = await ApiAssert.ProblemAsync(
            await CreateAsync(api.Platform, slug, new { url = "https://hooks.carfu.example/a", events = new[] { "account.linked", "user.deleted" } }),
            HttpStatusCode.BadRequest, "events[1]");
        var none = await ApiAssert.ProblemAsync(await CreateAsync(api.Platform, slug, new { url = "https://hooks.carfu.example/a" }), HttpStatusCode.BadRequest, "events");

        Assert.Contains("'user.deleted'", ApiAssert.ErrorsFor(unknown, "events[1]"), StringComparison.Ordinal);
        Assert.Contains("account.linked, account.unlinked, token.revoked", ApiAssert.ErrorsFor(none, "events"), StringComparison.Ordinal);
        var list = await ApiAssert.JsonAsync(await api.Platform.GetAsync($"/api/v1/tenants/{slug}/webhooks", Ct), HttpStatusCode.OK);
        Assert.Equal(0, list.GetArrayLength());
    }

    [Fact]
    public async Task Webhook_OfAnotherTenant_IsNotFoundForThatTenantsKey()
    {
        var owner = ApiFixture.NewSlug();
        var other = ApiFixture.NewSlug("other");
        await api.Platform.CreateTenantOkAsync(owner);
        await api.Platform.CreateTenantOkAsync(other);
        var created = await ApiAssert.JsonAsync(await CreateAsync(api.Platform, owner, new { url = "https://hooks.carfu.example/a", events = new[] { "account.linked" } }), HttpStatusCode.Created);
        using var otherKey = api.Client(await api.Platform.CreateTenantKeyAsync(other));
        var id = created.GetProperty("id").GetGuid();

        await ApiAssert.ProblemAsync(await otherKey.GetAsync($"/api/v1/tenants/{other}/webhooks/{id}", Ct), HttpStatusCode.NotFound);
        await ApiAssert.ProblemAsync(await otherKey.GetAsync($"/api/v1/tenants/{owner}/webhooks/{id}", Ct), HttpStatusCode.NotFound);
        await ApiAssert.ProblemAsync(await otherKey.PostAsync($"/api/v1/tenants/{other}/webhooks/{id}/test", null, Ct), HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Create_TenantKey_CanManageItsOwnWebhooks()
    {
        var slug = ApiFixture.NewSlug();
        await api.Platform.CreateTenantOkAsync(slug);
        using var tenantKey = api.Client(await api.Platform.CreateTenantKeyAsync(slug));

        var created = await ApiAssert.JsonAsync(await CreateAsync(tenantKey, slug, new { url = "https://hooks.carfu.example/a", events = new[] { "token.revoked" } }), HttpStatusCode.Created);

        var deliveries = await ApiAssert.JsonAsync(await tenantKey.GetAsync($"/api/v1/tenants/{slug}/webhooks/{created.GetProperty("id").GetGuid()}/deliveries", Ct), HttpStatusCode.OK);
        Assert.Equal(0, deliveries.GetArrayLength());
    }
}
