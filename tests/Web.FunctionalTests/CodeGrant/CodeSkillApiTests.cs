using System.Net;
using System.Text.Json.Nodes;
using AlexaLinkHub.Web.FunctionalTests.Support;

namespace AlexaLinkHub.Web.FunctionalTests.CodeGrant;

/// <summary>What the admin API tells a vendor to paste into the Alexa console for a code-grant skill, and the lifetimes it
/// accepts (Alexa refuses access tokens that live under 360 seconds).</summary>
public sealed class CodeSkillApiTests(ApiFixture api) : IClassFixture<ApiFixture>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static JsonObject CodeSkill(int? accessTokenLifetimeSeconds = null)
    {
        var body = SkillBodies.Valid(SkillBodies.NewClientId());
        body["grantType"] = "authorization_code";
        body["accessTokenLifetimeSeconds"] = accessTokenLifetimeSeconds;
        return body;
    }

    private async Task<string> NewTenantAsync()
    {
        var slug = ApiFixture.NewSlug("carfu");
        await api.Platform.CreateTenantOkAsync(slug);
        return slug;
    }

    [Fact]
    public async Task RegisterAndGet_CodeSkill_ShowTheConsoleUrisAndBothClientAuthenticationSchemes()
    {
        var slug = await NewTenantAsync();

        var registered = await api.Platform.RegisterSkillOkAsync(slug, CodeSkill());
        var fetched = await ApiAssert.JsonAsync(await api.Platform.GetAsync($"/api/v1/tenants/{slug}/skills/{registered.Str("clientId")}", Ct), HttpStatusCode.OK);

        foreach (var skill in new[] { registered, fetched })
        {
            Assert.Equal("authorization_code", skill.Str("grantType"));
            Assert.Equal($"{ApiFixture.PublicBaseUrl}/t/{slug}/connect/authorize", skill.Str("authorizationUri"));
            Assert.Equal($"{ApiFixture.PublicBaseUrl}/t/{slug}/connect/token", skill.Str("tokenUri"));
            Assert.Equal(["HTTP Basic", "Credentials in request body"], skill.GetProperty("clientAuthenticationSchemes").EnumerateArray().Select(s => s.GetString()));
            Assert.Equal(3600, skill.GetProperty("accessTokenLifetimeSeconds").GetInt32());
            Assert.Equal(3650 * 86400, skill.GetProperty("refreshTokenLifetimeSeconds").GetInt32());
        }
        Assert.False(fetched.TryGetProperty("clientSecret", out _));
    }

    [Fact]
    public async Task Register_AccessTokenLifetimeBelow360Seconds_Returns400NamingTheField()
    {
        var slug = await NewTenantAsync();

        var problem = await ApiAssert.ProblemAsync(await api.Platform.RegisterSkillAsync(slug, CodeSkill(359)), HttpStatusCode.BadRequest, "accessTokenLifetimeSeconds");

        Assert.Equal("accessTokenLifetimeSeconds must be between 360 (Alexa's minimum) and 315360000.", ApiAssert.ErrorsFor(problem, "accessTokenLifetimeSeconds"));
        var skills = await ApiAssert.JsonAsync(await api.Platform.GetAsync($"/api/v1/tenants/{slug}/skills", Ct), HttpStatusCode.OK);
        Assert.Empty(skills.EnumerateArray());
    }

    [Fact]
    public async Task Update_AccessTokenLifetimeBelow360Seconds_Returns400AndKeepsTheSetting()
    {
        var slug = await NewTenantAsync();
        var body = CodeSkill(360);
        var clientId = (await api.Platform.RegisterSkillOkAsync(slug, body)).Str("clientId");
        body["accessTokenLifetimeSeconds"] = 359;

        var response = await api.Platform.PutAsync($"/api/v1/tenants/{slug}/skills/{clientId}", ApiAssert.Json(body), Ct);

        await ApiAssert.ProblemAsync(response, HttpStatusCode.BadRequest, "accessTokenLifetimeSeconds");
        var skill = await ApiAssert.JsonAsync(await api.Platform.GetAsync($"/api/v1/tenants/{slug}/skills/{clientId}", Ct), HttpStatusCode.OK);
        Assert.Equal(360, skill.GetProperty("accessTokenLifetimeSeconds").GetInt32());
    }
}
