using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using AlexaLinkHub.Web.FunctionalTests.Support;

namespace AlexaLinkHub.Web.FunctionalTests.Api;

/// <summary>A registered skill: read (never the secret), replaced, its secret rotated, disabled and enabled.</summary>
public sealed class SkillLifecycleApiTests(ApiFixture api) : IClassFixture<ApiFixture>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private async Task<(string Slug, string ClientId, string Secret)> NewSkillAsync()
    {
        var slug = ApiFixture.NewSlug("carfu");
        await api.Platform.CreateTenantOkAsync(slug);
        var clientId = SkillBodies.NewClientId();
        var skill = await api.Platform.RegisterSkillOkAsync(slug, SkillBodies.Valid(clientId));
        return (slug, clientId, skill.Str("clientSecret"));
    }

    private async Task<(JsonElement Skill, string Text)> GetSkillAsync(string slug, string clientId)
    {
        var response = await api.Platform.GetAsync($"/api/v1/tenants/{slug}/skills/{clientId}", Ct);
        var skill = await ApiAssert.JsonAsync(response, HttpStatusCode.OK);
        return (skill, skill.GetRawText());
    }

    [Fact]
    public async Task GetSkill_Registered_Returns200WithTheUrisAndNeverTheSecret()
    {
        var (slug, clientId, secret) = await NewSkillAsync();

        var (skill, text) = await GetSkillAsync(slug, clientId);

        Assert.DoesNotContain("clientSecret", ApiAssert.PropertyNames(skill));
        Assert.DoesNotContain(secret, text, StringComparison.Ordinal);
        ApiAssert.HasProperties(skill, "id", "clientId", "name", "grantType", "scopes", "domains", "redirectUrls", "accessTokenLifetimeSeconds",
            "enabled", "authorizationUri", "tokenUri", "previousSecretValidUntil", "createdAt", "updatedAt");
        Assert.Equal($"{ApiFixture.PublicBaseUrl}/t/{slug}/connect/authorize", skill.Str("authorizationUri"));
        Assert.Equal($"{ApiFixture.PublicBaseUrl}/t/{slug}/connect/token", skill.Str("tokenUri"));
        Assert.Equal(JsonValueKind.Null, skill.GetProperty("previousSecretValidUntil").ValueKind);
    }

    [Fact]
    public async Task ListSkills_NeverContainsTheSecret()
    {
        var (slug, clientId, secret) = await NewSkillAsync();

        var response = await api.Platform.GetAsync($"/api/v1/tenants/{slug}/skills", Ct);

        var list = await ApiAssert.JsonAsync(response, HttpStatusCode.OK);
        var skill = Assert.Single(list.EnumerateArray());
        Assert.Equal(clientId, skill.Str("clientId"));
        Assert.DoesNotContain("clientSecret", ApiAssert.PropertyNames(skill));
        Assert.DoesNotContain(secret, list.GetRawText(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task GetSkill_UnknownClientId_Returns404()
    {
        var (slug, _, _) = await NewSkillAsync();

        await ApiAssert.ProblemAsync(await api.Platform.GetAsync($"/api/v1/tenants/{slug}/skills/no-such-skill", Ct), HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task GetSkill_UnderAnotherTenantsPath_Returns404EvenForThePlatformKey()
    {
        var (_, clientId, _) = await NewSkillAsync();
        var other = ApiFixture.NewSlug("other");
        await api.Platform.CreateTenantOkAsync(other);

        await ApiAssert.ProblemAsync(await api.Platform.GetAsync($"/api/v1/tenants/{other}/skills/{clientId}", Ct), HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task PutSkill_NewConfiguration_ReplacesItWholeAndKeepsClientIdAndSecret()
    {
        var (slug, clientId, secret) = await NewSkillAsync();
        var replacement = new JsonObject
        {
            ["name"] = "Car Fu Deluxe",
            ["grantType"] = "authorization_code",
            ["scopes"] = new JsonArray(SkillBodies.Scope("rides.read", "see your past rides")),
            ["domains"] = new JsonArray("static.carfu.example", "img.carfu.example"),
            ["redirectUrls"] = new JsonArray("https://alexa.amazon.co.jp/api/skill/link/M2AAAAAAAAAAAA"),
            ["accessTokenLifetimeSeconds"] = 7200,
        };

        var response = await api.Platform.PutAsync($"/api/v1/tenants/{slug}/skills/{clientId}", ApiAssert.Json(replacement), Ct);

        var updated = await ApiAssert.JsonAsync(response, HttpStatusCode.OK);
        Assert.DoesNotContain("clientSecret", ApiAssert.PropertyNames(updated));
        var (skill, text) = await GetSkillAsync(slug, clientId);
        foreach (var current in new[] { updated, skill })
        {
            Assert.Equal(clientId, current.Str("clientId"));
            Assert.Equal("Car Fu Deluxe", current.Str("name"));
            Assert.Equal("authorization_code", current.Str("grantType"));
            Assert.Equal(["rides.read"], current.GetProperty("scopes").EnumerateArray().Select(s => s.Str("name")));
            Assert.Equal(["static.carfu.example", "img.carfu.example"], current.GetProperty("domains").EnumerateArray().Select(d => d.GetString()));
            Assert.Equal(["https://alexa.amazon.co.jp/api/skill/link/M2AAAAAAAAAAAA"], current.GetProperty("redirectUrls").EnumerateArray().Select(d => d.GetString()));
            Assert.Equal(7200, current.GetProperty("accessTokenLifetimeSeconds").GetInt32());
        }
        Assert.DoesNotContain(secret, text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task PutSkill_SixteenScopes_Returns400AndKeepsTheOldConfiguration()
    {
        var (slug, clientId, _) = await NewSkillAsync();
        var body = SkillBodies.Valid(name: "Renamed");
        body["scopes"] = SkillBodies.Scopes(16);

        var problem = await ApiAssert.ProblemAsync(
            await api.Platform.PutAsync($"/api/v1/tenants/{slug}/skills/{clientId}", ApiAssert.Json(body), Ct), HttpStatusCode.BadRequest, "scopes");

        Assert.Contains("15", ApiAssert.ErrorsFor(problem, "scopes"), StringComparison.Ordinal);
        Assert.Equal("Car Fu", (await GetSkillAsync(slug, clientId)).Skill.Str("name"));
    }

    [Fact]
    public async Task PutSkill_UnknownClientId_Returns404()
    {
        var (slug, _, _) = await NewSkillAsync();

        await ApiAssert.ProblemAsync(
            await api.Platform.PutAsync($"/api/v1/tenants/{slug}/skills/no-such-skill", ApiAssert.Json(SkillBodies.Valid()), Ct),
            HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task RotateSecret_Returns200WithANewSecretAndAnOverlapOfTwentyFourHours()
    {
        var (slug, clientId, oldSecret) = await NewSkillAsync();
        var before = DateTimeOffset.UtcNow;

        var response = await api.Platform.PostAsync($"/api/v1/tenants/{slug}/skills/{clientId}/rotate-secret", null, Ct);

        var after = DateTimeOffset.UtcNow;
        var rotated = await ApiAssert.JsonAsync(response, HttpStatusCode.OK);
        Assert.Equal(new HashSet<string> { "clientSecret", "previousSecretValidUntil" }, ApiAssert.PropertyNames(rotated));
        var newSecret = rotated.Str("clientSecret");
        Assert.NotEqual(oldSecret, newSecret);
        Assert.True(newSecret.Length >= 32);
        var validUntil = rotated.GetProperty("previousSecretValidUntil").GetDateTimeOffset();
        Assert.InRange(validUntil, before.AddHours(24), after.AddHours(24));

        var (skill, text) = await GetSkillAsync(slug, clientId);
        // Stored with the database's precision (SQLite keeps milliseconds).
        Assert.Equal(validUntil, skill.GetProperty("previousSecretValidUntil").GetDateTimeOffset(), TimeSpan.FromMilliseconds(1));
        Assert.DoesNotContain(newSecret, text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RotateSecret_WithZeroOverlap_EndsTheOldSecretAtOnce()
    {
        var (slug, clientId, _) = await NewSkillAsync();

        var response = await api.Platform.PostAsJsonAsync($"/api/v1/tenants/{slug}/skills/{clientId}/rotate-secret", new { overlapSeconds = 0 }, Ct);

        var rotated = await ApiAssert.JsonAsync(response, HttpStatusCode.OK);
        Assert.Equal(JsonValueKind.Null, rotated.GetProperty("previousSecretValidUntil").ValueKind);
    }

    [Fact]
    public async Task RotateSecret_NegativeOverlap_Returns400NamingOverlapSeconds()
    {
        var (slug, clientId, _) = await NewSkillAsync();

        await ApiAssert.ProblemAsync(
            await api.Platform.PostAsJsonAsync($"/api/v1/tenants/{slug}/skills/{clientId}/rotate-secret", new { overlapSeconds = -1 }, Ct),
            HttpStatusCode.BadRequest, "overlapSeconds");
    }

    [Fact]
    public async Task EndSecretOverlap_AfterRotation_Returns204AndClearsPreviousSecretValidUntil()
    {
        var (slug, clientId, _) = await NewSkillAsync();
        await ApiAssert.JsonAsync(await api.Platform.PostAsync($"/api/v1/tenants/{slug}/skills/{clientId}/rotate-secret", null, Ct), HttpStatusCode.OK);

        var response = await api.Platform.PostAsync($"/api/v1/tenants/{slug}/skills/{clientId}/end-secret-overlap", null, Ct);

        await ApiAssert.AssertStatusAsync(response, HttpStatusCode.NoContent);
        Assert.Equal(JsonValueKind.Null, (await GetSkillAsync(slug, clientId)).Skill.GetProperty("previousSecretValidUntil").ValueKind);
    }

    [Fact]
    public async Task RotateSecret_UnknownClientId_Returns404()
    {
        var (slug, _, _) = await NewSkillAsync();

        await ApiAssert.ProblemAsync(await api.Platform.PostAsync($"/api/v1/tenants/{slug}/skills/no-such-skill/rotate-secret", null, Ct), HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task DisableThenEnable_Return204AndFlipEnabled()
    {
        var (slug, clientId, _) = await NewSkillAsync();

        var disabled = await api.Platform.PostAsync($"/api/v1/tenants/{slug}/skills/{clientId}/disable", null, Ct);

        await ApiAssert.AssertStatusAsync(disabled, HttpStatusCode.NoContent);
        Assert.False((await GetSkillAsync(slug, clientId)).Skill.GetProperty("enabled").GetBoolean());

        var enabled = await api.Platform.PostAsync($"/api/v1/tenants/{slug}/skills/{clientId}/enable", null, Ct);

        await ApiAssert.AssertStatusAsync(enabled, HttpStatusCode.NoContent);
        Assert.True((await GetSkillAsync(slug, clientId)).Skill.GetProperty("enabled").GetBoolean());
    }

    [Fact]
    public async Task Disable_UnknownClientId_Returns404()
    {
        var (slug, _, _) = await NewSkillAsync();

        await ApiAssert.ProblemAsync(await api.Platform.PostAsync($"/api/v1/tenants/{slug}/skills/no-such-skill/disable", null, Ct), HttpStatusCode.NotFound);
    }
}
