using System.Net;
using System.Net.Http.Json;
using AlexaLinkHub.Domain.Common;
using AlexaLinkHub.Domain.Webhooks;
using AlexaLinkHub.Web.FunctionalTests.Admin.Support;
using AlexaLinkHub.Web.FunctionalTests.Support;
using Microsoft.EntityFrameworkCore;

namespace AlexaLinkHub.Web.FunctionalTests.Api;

/// <summary>Roles of tenant API keys (<c>POST …/api-keys { "name", "role": "admin" | "viewer" }</c>, admin by default): a
/// viewer key reads everything and every write is a 403 problem+json that changes nothing. And the webhook actions the
/// UI added to the API: disable/enable, re-deliver a failed delivery.</summary>
public sealed class RolesApiTests(ApiFixture api) : IClassFixture<ApiFixture>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private async Task<string> NewTenantAsync()
    {
        var slug = ApiFixture.NewSlug();
        await api.Platform.CreateTenantOkAsync(slug);
        return slug;
    }

    [Fact]
    public async Task ViewerKey_ReadsEverything_AndEveryWriteIs403ChangingNothing()
    {
        var slug = await NewTenantAsync();
        var viewerResponse = await api.Platform.PostAsJsonAsync($"/api/v1/tenants/{slug}/api-keys", new { name = "dashboards", role = "viewer" }, Ct);
        var viewer = await ApiAssert.JsonAsync(viewerResponse, HttpStatusCode.Created);
        var adminKey = await api.Platform.CreateTenantKeyAsync(slug);
        using var reader = api.Client(viewer.Str("key"));
        using var writer = api.Client(adminKey);

        var keys = await ApiAssert.JsonAsync(await reader.GetAsync($"/api/v1/tenants/{slug}/api-keys", Ct), HttpStatusCode.OK);
        await ApiAssert.JsonAsync(await reader.GetAsync($"/api/v1/tenants/{slug}/skills", Ct), HttpStatusCode.OK);
        var skill = await reader.RegisterSkillAsync(slug, SkillBodies.Valid());
        var key = await reader.PostAsJsonAsync($"/api/v1/tenants/{slug}/api-keys", new { name = "escalate", role = "admin" }, Ct);
        var revoke = await reader.DeleteAsync($"/api/v1/tenants/{slug}/api-keys/{keys.EnumerateArray().First().GetProperty("id").GetGuid()}", Ct);
        var hook = await reader.PostAsJsonAsync($"/api/v1/tenants/{slug}/webhooks", new { url = "https://hooks.carfu.example/a", events = new[] { "account.linked" } }, Ct);

        Assert.Equal("viewer", viewer.Str("role"));
        foreach (var refused in new[] { skill, key, revoke, hook })
            Assert.Contains("viewer", (await ApiAssert.ProblemAsync(refused, HttpStatusCode.Forbidden)).Str("detail"), StringComparison.Ordinal);
        var after = await ApiAssert.JsonAsync(await writer.GetAsync($"/api/v1/tenants/{slug}/api-keys", Ct), HttpStatusCode.OK);
        Assert.Equal(["admin", "viewer"], after.EnumerateArray().Select(k => k.Str("role")).Order(StringComparer.Ordinal));
        Assert.All(after.EnumerateArray(), k => Assert.True(k.GetProperty("active").GetBoolean()));
        Assert.Empty((await ApiAssert.JsonAsync(await writer.GetAsync($"/api/v1/tenants/{slug}/skills", Ct), HttpStatusCode.OK)).EnumerateArray());
        await ApiAssert.JsonAsync(await writer.RegisterSkillAsync(slug, SkillBodies.Valid()), HttpStatusCode.Created);
    }

    [Theory]
    [InlineData("owner")]
    [InlineData("root")]
    public async Task CreateApiKey_OwnerOrUnknownRole_Is400NamingRole(string role)
    {
        var slug = await NewTenantAsync();

        await ApiAssert.ProblemAsync(await api.Platform.PostAsJsonAsync($"/api/v1/tenants/{slug}/api-keys", new { name = "x", role }, Ct), HttpStatusCode.BadRequest, "role");
    }

    [Fact]
    public async Task Webhook_DisableEnable_AndRedeliverOnlyAFailedDelivery()
    {
        var slug = await NewTenantAsync();
        var created = await ApiAssert.JsonAsync(await api.Platform.PostAsJsonAsync($"/api/v1/tenants/{slug}/webhooks",
            new { url = "https://hooks.carfu.example/a", events = new[] { "account.linked" } }, Ct), HttpStatusCode.Created);
        var id = created.GetProperty("id").GetGuid();
        var path = $"/api/v1/tenants/{slug}/webhooks/{id}";
        var failedId = await api.Factory.QueryAsync(async db =>
        {
            var tenantId = await db.Tenants.Where(t => t.Slug == slug).Select(t => t.Id).SingleAsync(Ct);
            var now = DateTimeOffset.UtcNow;
            var delivery = WebhookDelivery.Create(tenantId, id, WebhookEvents.AccountLinked, """{"type":"account.linked"}""", now.AddDays(-2));
            for (var i = 0; i < DeliveryRetries.MaxAttempts; i++)
                delivery.RecordAttempt(now.AddDays(-1), 503, null, TimeSpan.FromMilliseconds(12));
            db.Add(delivery);
            await db.SaveChangesAsync(Ct);
            return delivery.MessageId;
        });
        var pending = await ApiAssert.JsonAsync(await api.Platform.PostAsync($"{path}/test", null, Ct), HttpStatusCode.Accepted);

        var disabled = await ApiAssert.JsonAsync(await api.Platform.PostAsync($"{path}/disable", null, Ct), HttpStatusCode.OK);
        var fetched = await ApiAssert.JsonAsync(await api.Platform.GetAsync(path, Ct), HttpStatusCode.OK);
        var enabled = await ApiAssert.JsonAsync(await api.Platform.PostAsync($"{path}/enable", null, Ct), HttpStatusCode.OK);
        var redelivered = await api.Platform.PostAsync($"{path}/deliveries/{failedId}/redeliver", null, Ct);
        var notFailed = await api.Platform.PostAsync($"{path}/deliveries/{pending.Str("id")}/redeliver", null, Ct);
        var unknown = await api.Platform.PostAsync($"{path}/deliveries/msg_{Guid.NewGuid():N}/redeliver", null, Ct);
        var malformed = await api.Platform.PostAsync($"{path}/deliveries/nonsense/redeliver", null, Ct);

        Assert.False(disabled.GetProperty("enabled").GetBoolean());
        Assert.False(fetched.GetProperty("enabled").GetBoolean());
        Assert.True(enabled.GetProperty("enabled").GetBoolean());
        var again = await ApiAssert.JsonAsync(redelivered, HttpStatusCode.Accepted);
        Assert.Equal((failedId, "pending", DeliveryRetries.MaxAttempts), (again.Str("id"), again.Str("status"), again.GetProperty("attempts").GetArrayLength()));
        await ApiAssert.ProblemAsync(notFailed, HttpStatusCode.BadRequest);
        await ApiAssert.ProblemAsync(unknown, HttpStatusCode.NotFound);
        await ApiAssert.ProblemAsync(malformed, HttpStatusCode.NotFound);
        var audit = await ApiAssert.JsonAsync(await api.Platform.GetAsync($"/api/v1/tenants/{slug}/audit?action=webhook.redelivered", Ct), HttpStatusCode.OK);
        Assert.Contains(failedId, audit.GetRawText(), StringComparison.Ordinal);
    }
}
