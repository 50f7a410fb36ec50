using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using AlexaLinkHub.Web.FunctionalTests.Support;

namespace AlexaLinkHub.Web.FunctionalTests.Api;

/// <summary><c>/api/v1/tenants/{slug}/users</c>: create, search a page at a time, read one — inside the tenant only.</summary>
public sealed class UsersApiTests(ApiFixture api) : IClassFixture<ApiFixture>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private async Task<string> NewTenantAsync()
    {
        var slug = ApiFixture.NewSlug();
        await api.Platform.CreateTenantOkAsync(slug);
        return slug;
    }

    private async Task<JsonElement> FindAsync(string slug, string query) =>
        await ApiAssert.JsonAsync(await api.Platform.GetAsync($"/api/v1/tenants/{slug}/users?{query}", Ct), HttpStatusCode.OK);

    private static IReadOnlyList<string> Emails(JsonElement page) =>
        page.GetProperty("items").EnumerateArray().Select(u => u.Str("email")).ToList();

    [Fact]
    public async Task CreateUser_Valid_Returns201WithTheUserAndNoPassword()
    {
        var slug = await NewTenantAsync();

        var response = await api.Platform.CreateUserAsync(slug, "  jo@example.com ", "Jo Doe", externalId: "crm-42");

        var user = await ApiAssert.JsonAsync(response, HttpStatusCode.Created);
        ApiAssert.HasProperties(user, "id", "email", "displayName", "externalId", "enabled", "emailConfirmed", "createdAt");
        Assert.NotEqual(Guid.Empty, user.GetProperty("id").GetGuid());
        Assert.Equal("jo@example.com", user.Str("email"));
        Assert.Equal("Jo Doe", user.Str("displayName"));
        Assert.Equal("crm-42", user.Str("externalId"));
        Assert.True(user.GetProperty("enabled").GetBoolean());
        Assert.DoesNotContain(ApiAssert.PropertyNames(user), name => name.Contains("password", StringComparison.OrdinalIgnoreCase));
        Assert.DoesNotContain("correct horse battery", user.GetRawText(), StringComparison.Ordinal);

        var location = new Uri(response.RequestMessage!.RequestUri!, response.Headers.Location!);
        var fetched = await ApiAssert.JsonAsync(await api.Platform.GetAsync(location, Ct), HttpStatusCode.OK);
        Assert.Equal(user.GetProperty("id").GetGuid(), fetched.GetProperty("id").GetGuid());
    }

    [Theory]
    [InlineData("JO@EXAMPLE.COM")]
    [InlineData("  jo@example.com  ")]
    [InlineData(" Jo@Example.Com")]
    public async Task CreateUser_EmailTakenIgnoringCaseAndSpaces_Returns409NamingEmail(string duplicate)
    {
        var slug = await NewTenantAsync();
        await api.Platform.CreateUserOkAsync(slug, "jo@example.com");

        await ApiAssert.ProblemAsync(await api.Platform.CreateUserAsync(slug, duplicate), HttpStatusCode.Conflict, "email");

        Assert.Equal(1, (await FindAsync(slug, "search=jo")).GetProperty("totalCount").GetInt32());
    }

    [Fact]
    public async Task CreateUser_SameEmailInAnotherTenant_IsAnUnrelatedUser()
    {
        var first = await NewTenantAsync();
        var second = await NewTenantAsync();
        var a = await api.Platform.CreateUserOkAsync(first, "shared@example.com");

        var b = await api.Platform.CreateUserOkAsync(second, "shared@example.com");

        Assert.NotEqual(a.GetProperty("id").GetGuid(), b.GetProperty("id").GetGuid());
    }

    [Theory]
    [InlineData("not-an-email", "correct horse battery", "Jo", "email")]
    [InlineData("jo@example.com", "short", "Jo", "password")]
    [InlineData("jo@example.com", "correct horse battery", "", "displayName")]
    public async Task CreateUser_InvalidField_Returns400NamingIt(string email, string password, string displayName, string field)
    {
        var slug = await NewTenantAsync();

        var response = await api.Platform.PostAsJsonAsync($"/api/v1/tenants/{slug}/users", new { email, password, displayName }, Ct);

        await ApiAssert.ProblemAsync(response, HttpStatusCode.BadRequest, field);
        Assert.Equal(0, (await FindAsync(slug, "")).GetProperty("totalCount").GetInt32());
    }

    [Fact]
    public async Task CreateUser_ExternalIdTaken_Returns409NamingExternalId()
    {
        var slug = await NewTenantAsync();
        await api.Platform.CreateUserOkAsync(slug, "one@example.com", externalId: "crm-1");

        await ApiAssert.ProblemAsync(await api.Platform.CreateUserAsync(slug, "two@example.com", externalId: "crm-1"), HttpStatusCode.Conflict, "externalId");
    }

    [Fact]
    public async Task FindUsers_SearchAndPage_ReturnsTheMatchesAPageAtATimeOrderedByEmail()
    {
        var slug = await NewTenantAsync();
        foreach (var email in new[] { "taxi.carol@example.com", "taxi.alice@example.com", "taxi.bob@example.com", "dave@example.com" })
            await api.Platform.CreateUserOkAsync(slug, email);

        var first = await FindAsync(slug, "search=TAXI&page=1&pageSize=2");
        var second = await FindAsync(slug, "search=TAXI&page=2&pageSize=2");

        ApiAssert.HasProperties(first, "items", "pageNumber", "pageSize", "totalCount", "totalPages");
        Assert.Equal(["taxi.alice@example.com", "taxi.bob@example.com"], Emails(first));
        Assert.Equal(["taxi.carol@example.com"], Emails(second));
        Assert.Equal(3, first.GetProperty("totalCount").GetInt32());
        Assert.Equal(2, first.GetProperty("totalPages").GetInt32());
        Assert.Equal(1, first.GetProperty("pageNumber").GetInt32());
        Assert.Equal(2, second.GetProperty("pageNumber").GetInt32());
        Assert.Equal(2, second.GetProperty("pageSize").GetInt32());
    }

    [Fact]
    public async Task FindUsers_SearchByExternalId_FindsExactlyThatUser()
    {
        var slug = await NewTenantAsync();
        await api.Platform.CreateUserOkAsync(slug, "x1@example.com", "Zelda Fitzgerald", externalId: "crm-1");
        await api.Platform.CreateUserOkAsync(slug, "x2@example.com", "Ernest Hemingway", externalId: "crm-10");

        Assert.Equal(["x1@example.com"], Emails(await FindAsync(slug, "search=crm-1")));
        Assert.Empty(Emails(await FindAsync(slug, "search=crm")));
    }

    [Fact]
    public async Task FindUsers_WithoutSearch_ListsOnlyThisTenantsUsers()
    {
        var slug = await NewTenantAsync();
        var other = await NewTenantAsync();
        await api.Platform.CreateUserOkAsync(slug, "mine@example.com");
        await api.Platform.CreateUserOkAsync(other, "theirs@example.com");

        var page = await FindAsync(slug, "page=1");

        Assert.Equal(["mine@example.com"], Emails(page));
        Assert.Equal(1, page.GetProperty("totalCount").GetInt32());
    }

    [Fact]
    public async Task GetUser_ById_Returns200WithTheUser()
    {
        var slug = await NewTenantAsync();
        var created = await api.Platform.CreateUserOkAsync(slug, "jo@example.com", externalId: "crm-7");
        var id = created.GetProperty("id").GetGuid();

        var user = await ApiAssert.JsonAsync(await api.Platform.GetAsync($"/api/v1/tenants/{slug}/users/{id}", Ct), HttpStatusCode.OK);

        Assert.Equal(id, user.GetProperty("id").GetGuid());
        Assert.Equal("jo@example.com", user.Str("email"));
        Assert.Equal("Jo Doe", user.Str("displayName"));
        Assert.Equal("crm-7", user.Str("externalId"));
        Assert.Equal(created.GetProperty("createdAt").GetDateTimeOffset(), user.GetProperty("createdAt").GetDateTimeOffset(), TimeSpan.FromMilliseconds(1));
    }

    [Fact]
    public async Task GetUser_OfAnotherTenant_Returns404()
    {
        var slug = await NewTenantAsync();
        var other = await NewTenantAsync();
        var theirs = (await api.Platform.CreateUserOkAsync(other, "theirs@example.com")).GetProperty("id").GetGuid();

        await ApiAssert.ProblemAsync(await api.Platform.GetAsync($"/api/v1/tenants/{slug}/users/{theirs}", Ct), HttpStatusCode.NotFound);

        using var tenantClient = api.Client(await api.Platform.CreateTenantKeyAsync(slug));
        await ApiAssert.ProblemAsync(await tenantClient.GetAsync($"/api/v1/tenants/{slug}/users/{theirs}", Ct), HttpStatusCode.NotFound);
        await ApiAssert.ProblemAsync(await tenantClient.GetAsync($"/api/v1/tenants/{other}/users/{theirs}", Ct), HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task GetUser_UnknownId_Returns404()
    {
        var slug = await NewTenantAsync();

        await ApiAssert.ProblemAsync(await api.Platform.GetAsync($"/api/v1/tenants/{slug}/users/{Guid.NewGuid()}", Ct), HttpStatusCode.NotFound);
    }
}
