using System.Net;
using System.Text.Json;
using AlexaLinkHub.TestSupport;
using AlexaLinkHub.Web.FunctionalTests.Support;
using AlexaLinkHub.Web.FunctionalTests.Linking.Support;

namespace AlexaLinkHub.Web.FunctionalTests.Linking;

/// <summary>RFC 7662 introspection as the skill backend calls it on every Alexa request: authenticated as the skill
/// (HTTP Basic or form), details only for the skill that owns the token, <c>{"active":false}</c> for anyone else.</summary>
public sealed class IntrospectionTests(ApiFixture api) : IClassFixture<ApiFixture>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private HttpClient Http => api.Platform;

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task Introspect_ByTheOwningSkill_ReturnsActiveWithTheTokensDetails(bool basic)
    {
        var setup = await api.Platform.ArrangeLinkAsync(externalId: "crm-42");
        var token = await api.Factory.LinkForTokenAsync(setup);

        var body = await LinkAssert.IntrospectAsync(Http, setup.Slug, setup.Skill.ClientId, setup.Skill.ClientSecret, token, basic);

        Assert.True(body.GetProperty("active").GetBoolean());
        Assert.Equal(setup.User.Id.ToString(), body.Str("sub"));
        Assert.Equal(setup.Skill.ClientId, body.Str("client_id"));
        Assert.Equal("order_car basic_profile", body.Str("scope"));
        Assert.Equal("Bearer", body.Str("token_type"));
        Assert.Equal("crm-42", body.Str("external_id"));
        Assert.Equal(setup.User.Email, body.Str("email"));
        Assert.Equal("Jo Doe", body.Str("name"));
        Assert.Equal($"{ApiFixture.PublicBaseUrl}/t/{setup.Slug}", body.Str("iss"));
        var iat = body.GetProperty("iat").GetInt64();
        var exp = body.GetProperty("exp").GetInt64();
        Assert.Equal(setup.Skill.AccessTokenLifetimeSeconds, exp - iat);
        Assert.InRange(iat, DateTimeOffset.UtcNow.AddMinutes(-5).ToUnixTimeSeconds(), DateTimeOffset.UtcNow.ToUnixTimeSeconds());
        Assert.DoesNotContain(token, body.GetRawText(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Introspect_UserWithoutExternalId_LeavesExternalIdOut()
    {
        var setup = await api.Platform.ArrangeLinkAsync(externalId: null);
        var token = await api.Factory.LinkForTokenAsync(setup);

        var body = await LinkAssert.IntrospectAsync(Http, setup.Slug, setup.Skill.ClientId, setup.Skill.ClientSecret, token);

        Assert.True(body.GetProperty("active").GetBoolean());
        Assert.False(body.TryGetProperty("external_id", out _));
    }

    [Fact]
    public async Task Introspect_ByAnotherSkillOfTheSameTenant_ReturnsOnlyInactive()
    {
        var setup = await api.Platform.ArrangeLinkAsync();
        var other = await api.Platform.RegisterLinkSkillAsync(setup.Slug, new SkillSpec { Name = "Other skill" });
        var token = await api.Factory.LinkForTokenAsync(setup);

        var body = await LinkAssert.IntrospectAsync(Http, setup.Slug, other.ClientId, other.ClientSecret, token);

        Assert.Equal("""{"active":false}""", Compact(body));
    }

    [Fact]
    public async Task Introspect_BySkillOfAnotherTenantAtItsOwnEndpoint_ReturnsOnlyInactive()
    {
        var setup = await api.Platform.ArrangeLinkAsync();
        var stranger = await api.Platform.ArrangeLinkAsync();
        var token = await api.Factory.LinkForTokenAsync(setup);

        var body = await LinkAssert.IntrospectAsync(Http, stranger.Slug, stranger.Skill.ClientId, stranger.Skill.ClientSecret, token);

        Assert.Equal("""{"active":false}""", Compact(body));
    }

    [Fact]
    public async Task Introspect_OwningSkillUnderAnotherTenantsPrefix_IsAnUnknownClient()
    {
        var setup = await api.Platform.ArrangeLinkAsync();
        var stranger = await api.Platform.ArrangeLinkAsync();
        var token = await api.Factory.LinkForTokenAsync(setup);

        var response = await LinkAssert.PostAsClientAsync(Http, $"/t/{stranger.Slug}/connect/introspect", setup.Skill.ClientId, setup.Skill.ClientSecret, true, new() { ["token"] = token });

        await AssertInvalidClientAsync(response);
    }

    [Theory]
    [InlineData("not-a-token")]
    [InlineData("")]
    public async Task Introspect_UnknownToken_ReturnsOnlyInactive(string token)
    {
        var setup = await api.Platform.ArrangeLinkAsync();

        var response = await LinkAssert.PostAsClientAsync(Http, $"/t/{setup.Slug}/connect/introspect", setup.Skill.ClientId, setup.Skill.ClientSecret, true, new() { ["token"] = token });

        if (token.Length == 0)
        {
            // RFC 7662 §2.1: the token parameter is REQUIRED.
            var error = await ApiAssert.JsonAsync(response, HttpStatusCode.BadRequest);
            Assert.Equal("invalid_request", error.Str("error"));
            return;
        }
        Assert.Equal("""{"active":false}""", Compact(await ApiAssert.JsonAsync(response, HttpStatusCode.OK)));
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task Introspect_WrongSecret_Returns401InvalidClient(bool basic)
    {
        var setup = await api.Platform.ArrangeLinkAsync();
        var token = await api.Factory.LinkForTokenAsync(setup);

        var response = await LinkAssert.PostAsClientAsync(Http, $"/t/{setup.Slug}/connect/introspect", setup.Skill.ClientId, setup.Skill.ClientSecret + "x", basic, new() { ["token"] = token });

        await AssertInvalidClientAsync(response);
    }

    [Fact]
    public async Task Introspect_AfterSecretRotation_AcceptsOldAndNewSecretUntilTheOverlapEnds()
    {
        var setup = await api.Platform.ArrangeLinkAsync();
        var token = await api.Factory.LinkForTokenAsync(setup);
        var old = setup.Skill.ClientSecret;
        var rotated = await ApiAssert.JsonAsync(await api.Platform.PostAsync($"/api/v1/tenants/{setup.Slug}/skills/{setup.Skill.ClientId}/rotate-secret", null, Ct), HttpStatusCode.OK);
        var fresh = rotated.Str("clientSecret");

        foreach (var basic in new[] { true, false })
        {
            Assert.True((await LinkAssert.IntrospectAsync(Http, setup.Slug, setup.Skill.ClientId, old, token, basic)).GetProperty("active").GetBoolean());
            Assert.True((await LinkAssert.IntrospectAsync(Http, setup.Slug, setup.Skill.ClientId, fresh, token, basic)).GetProperty("active").GetBoolean());
        }

        var ended = await api.Platform.PostAsync($"/api/v1/tenants/{setup.Slug}/skills/{setup.Skill.ClientId}/end-secret-overlap", null, Ct);
        Assert.Equal(HttpStatusCode.NoContent, ended.StatusCode);

        await AssertInvalidClientAsync(await LinkAssert.PostAsClientAsync(Http, $"/t/{setup.Slug}/connect/introspect", setup.Skill.ClientId, old, true, new() { ["token"] = token }));
        await AssertInvalidClientAsync(await LinkAssert.PostAsClientAsync(Http, $"/t/{setup.Slug}/connect/introspect", setup.Skill.ClientId, old, false, new() { ["token"] = token }));
        Assert.True((await LinkAssert.IntrospectAsync(Http, setup.Slug, setup.Skill.ClientId, fresh, token)).GetProperty("active").GetBoolean());
    }

    [Fact]
    public async Task Introspect_WithoutClientCredentials_IsRefused()
    {
        var setup = await api.Platform.ArrangeLinkAsync();
        var token = await api.Factory.LinkForTokenAsync(setup);

        using var content = new FormUrlEncodedContent(new Dictionary<string, string> { ["token"] = token });
        var response = await api.Factory.CreateClient().PostAsync($"/t/{setup.Slug}/connect/introspect", content, Ct);

        await AssertInvalidClientAsync(response);
    }

    /// <summary>The JSON without its indentation, to compare a whole answer.</summary>
    private static string Compact(JsonElement body) => JsonSerializer.Serialize(body);

    private static async Task AssertInvalidClientAsync(HttpResponseMessage response)
    {
        var text = await ApiAssert.AssertStatusAsync(response, HttpStatusCode.Unauthorized);
        using var error = JsonDocument.Parse(text);
        Assert.Equal("invalid_client", error.RootElement.Str("error"));
        Assert.DoesNotContain("active", text, StringComparison.Ordinal);
        Assert.False(error.RootElement.TryGetProperty("error_uri", out _), text);
    }
}
