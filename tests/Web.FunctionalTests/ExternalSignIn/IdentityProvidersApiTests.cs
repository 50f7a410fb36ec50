using System.Net;
using System.Net.Http.Json;
using System.Net.Sockets;
using AlexaLinkHub.TestSupport;
using AlexaLinkHub.Web.FunctionalTests.ExternalSignIn.Support;
using AlexaLinkHub.Web.FunctionalTests.Support;

namespace AlexaLinkHub.Web.FunctionalTests.ExternalSignIn;

/// <summary><c>/api/v1/tenants/{slug}/identity-providers</c>: the contract of issue 13 (201 with the callback URL, never
/// the secret; GET, PATCH, DELETE by name) and its validation as problem+json (issuer discovered on save).</summary>
public sealed class IdentityProvidersApiTests(ExternalSignInFixture fixture) : IClassFixture<ExternalSignInFixture>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Create_Get_List_Patch_Delete_NeverShowTheSecret()
    {
        var slug = ApiFixture.NewSlug();
        await fixture.Platform.CreateLinkTenantAsync(slug);
        var path = $"/api/v1/tenants/{slug}/identity-providers";

        var created = await fixture.Platform.PostAsJsonAsync(path, new
        {
            name = "vendor", type = "oidc", displayName = "Car Fu Account", issuer = fixture.Idp.Issuer(), clientId = "client-1", clientSecret = "s3cret-value",
        }, Ct);
        var body = await ApiAssert.JsonAsync(created, HttpStatusCode.Created);
        Assert.Equal($"{path}/vendor", created.Headers.Location!.OriginalString);
        Assert.Equal("oidc", body.GetProperty("type").GetString());
        Assert.Equal(fixture.Idp.Issuer(), body.GetProperty("issuer").GetString());
        Assert.Equal(["openid", "email", "profile"], body.GetProperty("scopes").EnumerateArray().Select(s => s.GetString()));
        Assert.True(body.GetProperty("enabled").GetBoolean());
        Assert.Equal(ExternalSignInFixture.CallbackUrl(slug), body.GetProperty("callbackUrl").GetString());
        Assert.DoesNotContain("s3cret-value", body.GetRawText(), StringComparison.Ordinal);
        Assert.False(body.TryGetProperty("clientSecret", out _));

        var patched = await ApiAssert.JsonAsync(await fixture.Platform.PatchAsJsonAsync($"{path}/vendor", new { displayName = "Vendor login", enabled = false, clientSecret = "new-secret" }, Ct), HttpStatusCode.OK);
        Assert.Equal("Vendor login", patched.GetProperty("displayName").GetString());
        Assert.False(patched.GetProperty("enabled").GetBoolean());
        Assert.Equal("client-1", patched.GetProperty("clientId").GetString());

        var listed = await ApiAssert.JsonAsync(await fixture.Platform.GetAsync(path, Ct), HttpStatusCode.OK);
        var only = Assert.Single(listed.EnumerateArray());
        Assert.DoesNotContain("secret", only.GetRawText(), StringComparison.Ordinal);
        Assert.Equal("Vendor login", (await ApiAssert.JsonAsync(await fixture.Platform.GetAsync($"{path}/vendor", Ct), HttpStatusCode.OK)).GetProperty("displayName").GetString());

        Assert.Equal(HttpStatusCode.NoContent, (await fixture.Platform.DeleteAsync($"{path}/vendor", Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await fixture.Platform.GetAsync($"{path}/vendor", Ct)).StatusCode);
        Assert.Equal(3, (await Linking.Support.LinkAssert.AuditAsync(fixture.Platform, slug, "identity_provider.added")).Count
            + (await Linking.Support.LinkAssert.AuditAsync(fixture.Platform, slug, "identity_provider.updated")).Count
            + (await Linking.Support.LinkAssert.AuditAsync(fixture.Platform, slug, "identity_provider.deleted")).Count);
    }

    [Theory]
    [InlineData("Bad Name", "oidc", "name")]
    [InlineData("vendor", "myspace", "type")]
    [InlineData("vendor", "oidc", "issuer")]
    public async Task Create_InvalidInput_Is400ProblemNamingTheField(string name, string type, string field)
    {
        var slug = ApiFixture.NewSlug();
        await fixture.Platform.CreateLinkTenantAsync(slug);
        // A valid issuer except where the issuer itself is the point (none given for a generic provider).
        string? issuer = field == "issuer" ? null : fixture.Idp.Issuer();

        var response = await fixture.Platform.PostAsJsonAsync($"/api/v1/tenants/{slug}/identity-providers",
            new { name, type, displayName = "Vendor", issuer, clientId = "c", clientSecret = "s" }, Ct);

        var problem = await ApiAssert.ProblemAsync(response, HttpStatusCode.BadRequest);
        Assert.True(problem.GetProperty("errors").TryGetProperty(field, out _), problem.GetRawText());
    }

    [Theory]
    [InlineData("http://idp.example.com")]
    [InlineData("ftp://127.0.0.1/")]
    public async Task Create_PlainHttpIssuerNotOnLoopback_IsRefused(string issuer)
    {
        var slug = ApiFixture.NewSlug();
        await fixture.Platform.CreateLinkTenantAsync(slug);

        var response = await fixture.Platform.PostAsJsonAsync($"/api/v1/tenants/{slug}/identity-providers",
            new { name = "vendor", type = "oidc", displayName = "Vendor", issuer, clientId = "c", clientSecret = "s" }, Ct);

        var problem = await ApiAssert.ProblemAsync(response, HttpStatusCode.BadRequest);
        Assert.Contains("https", problem.GetProperty("errors").GetProperty("issuer")[0].GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Create_IssuerWhoseDiscoveryDoesNotAnswer_IsRefusedAndNothingIsSaved()
    {
        var slug = ApiFixture.NewSlug();
        await fixture.Platform.CreateLinkTenantAsync(slug);
        var closed = new TcpListener(IPAddress.Loopback, 0);
        closed.Start();
        var port = ((IPEndPoint)closed.LocalEndpoint).Port;
        closed.Stop();

        var response = await fixture.Platform.PostAsJsonAsync($"/api/v1/tenants/{slug}/identity-providers",
            new { name = "vendor", type = "oidc", displayName = "Vendor", issuer = $"http://127.0.0.1:{port}", clientId = "c", clientSecret = "s" }, Ct);

        var problem = await ApiAssert.ProblemAsync(response, HttpStatusCode.BadRequest);
        Assert.Contains("discovery document", problem.GetProperty("errors").GetProperty("issuer")[0].GetString(), StringComparison.Ordinal);
        Assert.Empty((await ApiAssert.JsonAsync(await fixture.Platform.GetAsync($"/api/v1/tenants/{slug}/identity-providers", Ct), HttpStatusCode.OK)).EnumerateArray());
    }

    [Fact]
    public async Task Create_SameNameTwice_Is409()
    {
        var scenario = await fixture.ArrangeAsync();

        var response = await fixture.Platform.PostAsJsonAsync($"/api/v1/tenants/{scenario.Slug}/identity-providers",
            new { name = ExternalSignInFixture.ProviderName, type = "oidc", displayName = "Again", issuer = fixture.Idp.Issuer(), clientId = "c", clientSecret = "s" }, Ct);

        await ApiAssert.ProblemAsync(response, HttpStatusCode.Conflict);
    }

    [Fact]
    public async Task DisabledProvider_DisappearsFromTheLoginPageAtOnce()
    {
        var scenario = await fixture.ArrangeAsync();
        await ApiAssert.JsonAsync(await fixture.Platform.PatchAsJsonAsync($"/api/v1/tenants/{scenario.Slug}/identity-providers/{ExternalSignInFixture.ProviderName}", new { enabled = false }, Ct), HttpStatusCode.OK);
        using var browser = LinkFlowClient.Create(fixture.Factory);

        var login = await scenario.OpenLoginAsync(browser);

        Assert.Empty(login.Dom.Document.QuerySelectorAll("button.external-provider"));
    }
}
