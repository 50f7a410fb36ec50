using System.Net;
using System.Text.Json;
using AlexaLinkHub.Web.FunctionalTests.Support;

namespace AlexaLinkHub.Web.FunctionalTests.Api;

/// <summary>What the admin API does with requests it cannot read or route, and the documents that describe it.</summary>
public sealed class ApiProtocolTests(ApiFixture api) : IClassFixture<ApiFixture>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory]
    [InlineData("{\"slug\": \"acme\", ")]
    [InlineData("not json at all")]
    [InlineData("{\"slug\": 42, \"displayName\": \"Acme\"}")]
    [InlineData("[\"acme\"]")]
    public async Task CreateTenant_UnreadableJson_Returns400ProblemNot500(string body)
    {
        var response = await api.Platform.PostAsync("/api/v1/tenants", ApiAssert.RawJson(body), Ct);

        var problem = await ApiAssert.ProblemAsync(response, HttpStatusCode.BadRequest);
        Assert.DoesNotContain("Exception", problem.GetRawText(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task RegisterSkill_TruncatedJson_Returns400Problem()
    {
        var slug = ApiFixture.NewSlug();
        await api.Platform.CreateTenantOkAsync(slug);

        var response = await api.Platform.PostAsync($"/api/v1/tenants/{slug}/skills", ApiAssert.RawJson("{\"name\": \"Car Fu\", \"scopes\": ["), Ct);

        await ApiAssert.ProblemAsync(response, HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task PatchTenant_EmptyBody_Returns400Problem()
    {
        var slug = ApiFixture.NewSlug();
        await api.Platform.CreateTenantOkAsync(slug);

        var response = await api.Platform.PatchAsync($"/api/v1/tenants/{slug}", ApiAssert.RawJson(""), Ct);

        await ApiAssert.ProblemAsync(response, HttpStatusCode.BadRequest);
    }

    [Theory]
    [InlineData("/api/v1/nothing-here")]
    [InlineData("/api/v1/tenants/acme/nothing-here")]
    [InlineData("/api/v2/tenants")]
    public async Task UnknownRoute_UnderTheApi_Returns404(string path)
    {
        var response = await api.Platform.GetAsync(path, Ct);

        await ApiAssert.ProblemAsync(response, HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task UsersById_NotAGuid_Returns404()
    {
        var slug = ApiFixture.NewSlug();
        await api.Platform.CreateTenantOkAsync(slug);

        Assert.Equal(HttpStatusCode.NotFound, (await api.Platform.GetAsync($"/api/v1/tenants/{slug}/users/not-a-guid", Ct)).StatusCode);
    }

    [Fact]
    public async Task OpenApiDocument_IsJsonListingTheTenantPathsAndABearerScheme()
    {
        using var anonymous = api.Client(null);

        var response = await anonymous.GetAsync("/openapi/v1.json", Ct);

        var document = await ApiAssert.JsonAsync(response, HttpStatusCode.OK);
        Assert.StartsWith("3.", document.Str("openapi"), StringComparison.Ordinal);
        var paths = ApiAssert.PropertyNames(document.GetProperty("paths"));
        Assert.Superset(new HashSet<string>
        {
            "/api/v1/tenants",
            "/api/v1/tenants/{slug}",
            "/api/v1/tenants/{slug}/skills",
            "/api/v1/tenants/{slug}/skills/{clientId}",
            "/api/v1/tenants/{slug}/skills/{clientId}/rotate-secret",
            "/api/v1/tenants/{slug}/users",
            "/api/v1/tenants/{slug}/users/{id}",
            "/api/v1/tenants/{slug}/api-keys",
            "/api/v1/tenants/{slug}/api-keys/{id}",
            "/api/v1/tenants/{slug}/audit",
        }, paths.ToHashSet());
        var schemes = document.GetProperty("components").GetProperty("securitySchemes").EnumerateObject().ToList();
        Assert.Contains(schemes, s =>
            s.Value.Str("type") == "http" && string.Equals(s.Value.Str("scheme"), "bearer", StringComparison.OrdinalIgnoreCase));
        var required = document.GetProperty("security").EnumerateArray().SelectMany(r => r.EnumerateObject().Select(p => p.Name));
        Assert.Contains(required, name => schemes.Any(s => s.Name == name));
    }

    [Fact]
    public async Task OpenApiDocument_DescribesTheSkillRegistrationBody()
    {
        var document = await ApiAssert.JsonAsync(await api.Platform.GetAsync("/openapi/v1.json", Ct), HttpStatusCode.OK);

        var post = document.GetProperty("paths").GetProperty("/api/v1/tenants/{slug}/skills").GetProperty("post");
        Assert.Equal(JsonValueKind.Object, post.GetProperty("requestBody").ValueKind);
        Assert.True(post.GetProperty("responses").TryGetProperty("201", out _), "POST skills documents its 201 answer.");
    }

    [Fact]
    public async Task ScalarRoot_RedirectsToAReferencePageThatAnswers200Html()
    {
        using var anonymous = api.Client(null);

        var redirect = await anonymous.GetAsync("/scalar", Ct);

        Assert.Equal(HttpStatusCode.Redirect, redirect.StatusCode);
        var target = new Uri(redirect.RequestMessage!.RequestUri!, redirect.Headers.Location!);
        var page = await anonymous.GetAsync(target, Ct);
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Equal("text/html", page.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task ScalarReference_Returns200Html()
    {
        using var anonymous = api.Client(null);

        var response = await anonymous.GetAsync("/scalar/v1", Ct);

        var html = await ApiAssert.AssertStatusAsync(response, HttpStatusCode.OK);
        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains("<html", html, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("AlexaLinkHub admin API", html, StringComparison.Ordinal);
    }
}
