using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using AlexaLinkHub.TestSupport;
using AlexaLinkHub.Web.FunctionalTests.Support;

namespace AlexaLinkHub.Web.FunctionalTests.Api;

/// <summary><c>GET /api/v1/tenants/{slug}/audit</c>: every admin call leaves an event naming the key that made it;
/// a tenant sees its own events only.</summary>
public sealed class AuditApiTests(ApiFixture api) : IClassFixture<ApiFixture>
{
    // The actor is "api-key:" and the key's displayed prefix (its first 12 characters), never the key itself.
    private static readonly string PlatformActor = $"api-key:{AlexaLinkHubFactory.PlatformApiKey[..12]}";

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static string Query(DateTimeOffset value) => Uri.EscapeDataString(value.ToString("O", CultureInfo.InvariantCulture));

    private static List<JsonElement> Items(JsonElement page) => [.. page.GetProperty("items").EnumerateArray()];

    /// <summary>A tenant with one of everything, made partly by the platform key and partly by its own tenant key.</summary>
    private async Task<(string Slug, string TenantActor, string ClientId)> TenantWithHistoryAsync()
    {
        var slug = ApiFixture.NewSlug();
        await api.Platform.CreateTenantOkAsync(slug);
        var key = await api.Platform.CreateTenantKeyAsync(slug, "automation");
        using var tenantClient = api.Client(key);
        var clientId = SkillBodies.NewClientId();
        await tenantClient.RegisterSkillOkAsync(slug, SkillBodies.Valid(clientId));
        await tenantClient.CreateUserOkAsync(slug, "jo@example.com");
        await ApiAssert.JsonAsync(await tenantClient.PatchAsJsonAsync($"/api/v1/tenants/{slug}", new { displayName = "Renamed" }, Ct), HttpStatusCode.OK);
        return (slug, $"api-key:{key[..12]}", clientId);
    }

    [Fact]
    public async Task ListAudit_AfterAdminCalls_ShowsEachEventWithItsActor()
    {
        var from = DateTimeOffset.UtcNow.AddSeconds(-1);
        var (slug, tenantActor, clientId) = await TenantWithHistoryAsync();
        var to = DateTimeOffset.UtcNow.AddSeconds(1);

        var page = await ApiAssert.JsonAsync(
            await api.Platform.GetAsync($"/api/v1/tenants/{slug}/audit?from={Query(from)}&to={Query(to)}&page=1", Ct), HttpStatusCode.OK);

        ApiAssert.HasProperties(page, "items", "pageNumber", "pageSize", "totalCount", "totalPages");
        var events = Items(page);
        Assert.All(events, e => ApiAssert.HasProperties(e, "id", "actor", "action", "target", "details", "sourceIp", "occurredAt"));
        var byAction = events.ToDictionary(e => e.Str("action"));
        Assert.Equal(["api_key.created", "skill.registered", "tenant.created", "tenant.updated", "user.created"], byAction.Keys.Order());
        Assert.Equal(PlatformActor, byAction["tenant.created"].Str("actor"));
        Assert.Equal($"tenant:{slug}", byAction["tenant.created"].Str("target"));
        Assert.Equal(PlatformActor, byAction["api_key.created"].Str("actor"));
        Assert.Equal(tenantActor, byAction["skill.registered"].Str("actor"));
        Assert.Equal($"skill:{clientId}", byAction["skill.registered"].Str("target"));
        Assert.Equal(tenantActor, byAction["user.created"].Str("actor"));
        Assert.StartsWith("user:", byAction["user.created"].Str("target"), StringComparison.Ordinal);
        Assert.Equal(tenantActor, byAction["tenant.updated"].Str("actor"));
        Assert.All(events, e => Assert.InRange(e.GetProperty("occurredAt").GetDateTimeOffset(), from, to));
        // Newest first.
        Assert.Equal(events.Select(e => e.GetProperty("occurredAt").GetDateTimeOffset()).OrderDescending(), events.Select(e => e.GetProperty("occurredAt").GetDateTimeOffset()));
    }

    [Fact]
    public async Task ListAudit_NeverShowsSecrets()
    {
        var slug = ApiFixture.NewSlug();
        await api.Platform.CreateTenantOkAsync(slug);
        var key = await api.Platform.CreateTenantKeyAsync(slug);
        var clientId = SkillBodies.NewClientId();
        var secret = (await api.Platform.RegisterSkillOkAsync(slug, SkillBodies.Valid(clientId))).Str("clientSecret");
        var rotated = (await ApiAssert.JsonAsync(
            await api.Platform.PostAsync($"/api/v1/tenants/{slug}/skills/{clientId}/rotate-secret", null, Ct), HttpStatusCode.OK)).Str("clientSecret");
        await api.Platform.CreateUserOkAsync(slug, "jo@example.com");

        var text = (await ApiAssert.JsonAsync(await api.Platform.GetAsync($"/api/v1/tenants/{slug}/audit", Ct), HttpStatusCode.OK)).GetRawText();

        Assert.Contains("skill.secret_rotated", text, StringComparison.Ordinal);
        Assert.DoesNotContain(key, text, StringComparison.Ordinal);
        Assert.DoesNotContain(secret, text, StringComparison.Ordinal);
        Assert.DoesNotContain(rotated, text, StringComparison.Ordinal);
        Assert.DoesNotContain("correct horse battery", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ListAudit_SkillLifecycle_RecordsEachStep()
    {
        var slug = ApiFixture.NewSlug();
        await api.Platform.CreateTenantOkAsync(slug);
        var clientId = SkillBodies.NewClientId();
        await api.Platform.RegisterSkillOkAsync(slug, SkillBodies.Valid(clientId));
        foreach (var step in new[] { "rotate-secret", "disable", "enable" })
            Assert.True((await api.Platform.PostAsync($"/api/v1/tenants/{slug}/skills/{clientId}/{step}", null, Ct)).IsSuccessStatusCode, step);

        var page = await ApiAssert.JsonAsync(await api.Platform.GetAsync($"/api/v1/tenants/{slug}/audit?target={clientId}", Ct), HttpStatusCode.OK);

        Assert.Equal(["skill.enabled", "skill.disabled", "skill.secret_rotated", "skill.registered"], Items(page).Select(e => e.Str("action")));
    }

    [Fact]
    public async Task ListAudit_ByTenantKey_ShowsOnlyItsOwnTenantsEvents()
    {
        var (mine, _, _) = await TenantWithHistoryAsync();
        var (theirs, _, theirClientId) = await TenantWithHistoryAsync();
        using var mineClient = api.Client(await api.Platform.CreateTenantKeyAsync(mine, "reader"));

        var page = await ApiAssert.JsonAsync(await mineClient.GetAsync($"/api/v1/tenants/{mine}/audit?pageSize=100", Ct), HttpStatusCode.OK);

        var text = page.GetRawText();
        Assert.NotEmpty(Items(page));
        Assert.Contains($"tenant:{mine}", text, StringComparison.Ordinal);
        Assert.DoesNotContain(theirs, text, StringComparison.Ordinal);
        Assert.DoesNotContain(theirClientId, text, StringComparison.Ordinal);
        Assert.DoesNotContain("bootstrap", text, StringComparison.Ordinal);
        await ApiAssert.ProblemAsync(await mineClient.GetAsync($"/api/v1/tenants/{theirs}/audit", Ct), HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task ListAudit_WindowBeforeTheCalls_IsEmpty()
    {
        var (slug, _, _) = await TenantWithHistoryAsync();
        var to = DateTimeOffset.UtcNow.AddHours(-1);

        var page = await ApiAssert.JsonAsync(
            await api.Platform.GetAsync($"/api/v1/tenants/{slug}/audit?from={Query(to.AddDays(-1))}&to={Query(to)}", Ct), HttpStatusCode.OK);

        Assert.Empty(Items(page));
        Assert.Equal(0, page.GetProperty("totalCount").GetInt32());
    }

    [Fact]
    public async Task ListAudit_Paging_SplitsTheEventsIntoPages()
    {
        var (slug, _, _) = await TenantWithHistoryAsync();

        var first = await ApiAssert.JsonAsync(await api.Platform.GetAsync($"/api/v1/tenants/{slug}/audit?page=1&pageSize=2", Ct), HttpStatusCode.OK);
        var third = await ApiAssert.JsonAsync(await api.Platform.GetAsync($"/api/v1/tenants/{slug}/audit?page=3&pageSize=2", Ct), HttpStatusCode.OK);

        Assert.Equal(5, first.GetProperty("totalCount").GetInt32());
        Assert.Equal(3, first.GetProperty("totalPages").GetInt32());
        Assert.Equal(2, Items(first).Count);
        Assert.Single(Items(third));
        Assert.Equal("tenant.created", Items(third)[0].Str("action"));
    }

    [Fact]
    public async Task ListAudit_ToBeforeFrom_Returns400NamingTo()
    {
        var slug = ApiFixture.NewSlug();
        await api.Platform.CreateTenantOkAsync(slug);
        var now = DateTimeOffset.UtcNow;

        await ApiAssert.ProblemAsync(
            await api.Platform.GetAsync($"/api/v1/tenants/{slug}/audit?from={Query(now)}&to={Query(now.AddDays(-1))}", Ct),
            HttpStatusCode.BadRequest, "to");
    }
}
