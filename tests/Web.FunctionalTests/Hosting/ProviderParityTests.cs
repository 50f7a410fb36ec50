using System.Net;
using System.Net.Http.Json;
using AlexaLinkHub.Infrastructure.Persistence;
using AlexaLinkHub.TestSupport;
using AlexaLinkHub.Web.FunctionalTests.Support;

namespace AlexaLinkHub.Web.FunctionalTests.Hosting;

/// <summary>The heart of the admin API on each database provider the tests can reach: creation, the 409s that rest on
/// unique indexes and case-insensitive lookups, and the 404s that rest on the tenant query filter.</summary>
public sealed class ProviderParityTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.PostgreSql)]
    public async Task CreateTenantSkillAndUser_OnProvider_Return201WithTheContractShape(DatabaseProvider provider)
    {
        await using var factory = await ApiFixture.CreateFactoryAsync(provider);
        using var platform = factory.CreateApiClient();
        var slug = ApiFixture.NewSlug();

        var tenant = await platform.CreateTenantOkAsync(slug, "Acme");
        var skill = await platform.RegisterSkillOkAsync(slug, SkillBodies.Valid("carfu-skill"));
        var user = await platform.CreateUserOkAsync(slug, "Jo@Example.com", externalId: "crm-1");

        Assert.Equal("active", tenant.Str("status"));
        Assert.Equal("carfu-skill", skill.Str("clientId"));
        Assert.Equal($"{ApiFixture.PublicBaseUrl}/t/{slug}/connect/authorize", skill.Str("authorizationUri"));
        Assert.Equal($"{ApiFixture.PublicBaseUrl}/t/{slug}/connect/token", skill.Str("tokenUri"));
        var fetchedSkill = await ApiAssert.JsonAsync(await platform.GetAsync($"/api/v1/tenants/{slug}/skills/carfu-skill", Ct), HttpStatusCode.OK);
        Assert.Equal(["taxi.order", "profile"], fetchedSkill.GetProperty("scopes").EnumerateArray().Select(s => s.Str("name")));
        Assert.DoesNotContain("clientSecret", ApiAssert.PropertyNames(fetchedSkill));
        var found = await ApiAssert.JsonAsync(await platform.GetAsync($"/api/v1/tenants/{slug}/users?search=jo@EXAMPLE&page=1", Ct), HttpStatusCode.OK);
        Assert.Equal(user.GetProperty("id").GetGuid(), Assert.Single(found.GetProperty("items").EnumerateArray()).GetProperty("id").GetGuid());
        var rotated = await ApiAssert.JsonAsync(await platform.PostAsync($"/api/v1/tenants/{slug}/skills/carfu-skill/rotate-secret", null, Ct), HttpStatusCode.OK);
        Assert.NotEqual(skill.Str("clientSecret"), rotated.Str("clientSecret"));
        var audit = await ApiAssert.JsonAsync(await platform.GetAsync($"/api/v1/tenants/{slug}/audit?page=1", Ct), HttpStatusCode.OK);
        Assert.Equal(4, audit.GetProperty("totalCount").GetInt32());
    }

    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.PostgreSql)]
    public async Task DuplicateSlugClientIdAndEmail_OnProvider_Return409NamingTheField(DatabaseProvider provider)
    {
        await using var factory = await ApiFixture.CreateFactoryAsync(provider);
        using var platform = factory.CreateApiClient();
        var first = ApiFixture.NewSlug();
        var second = ApiFixture.NewSlug();
        await platform.CreateTenantOkAsync(first);
        await platform.CreateTenantOkAsync(second);
        await platform.RegisterSkillOkAsync(first, SkillBodies.Valid("taken-client"));
        await platform.CreateUserOkAsync(first, "jo@example.com");

        await ApiAssert.ProblemAsync(await platform.CreateTenantAsync(first), HttpStatusCode.Conflict, "slug");
        await ApiAssert.ProblemAsync(await platform.RegisterSkillAsync(first, SkillBodies.Valid("taken-client")), HttpStatusCode.Conflict, "clientId");
        await ApiAssert.ProblemAsync(await platform.RegisterSkillAsync(second, SkillBodies.Valid("taken-client")), HttpStatusCode.Conflict, "clientId");
        await ApiAssert.ProblemAsync(await platform.CreateUserAsync(first, "  JO@Example.COM "), HttpStatusCode.Conflict, "email");
        // The same email in another tenant is another user.
        await platform.CreateUserOkAsync(second, "jo@example.com");
    }

    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.PostgreSql)]
    public async Task TenantKey_OnAnotherTenant_Gets404AndFindsNothing_OnProvider(DatabaseProvider provider)
    {
        await using var factory = await ApiFixture.CreateFactoryAsync(provider);
        using var platform = factory.CreateApiClient();
        var mine = ApiFixture.NewSlug();
        var theirs = ApiFixture.NewSlug();
        await platform.CreateTenantOkAsync(mine);
        await platform.CreateTenantOkAsync(theirs);
        await platform.RegisterSkillOkAsync(theirs, SkillBodies.Valid("their-skill"));
        var theirUser = (await platform.CreateUserOkAsync(theirs, "them@example.com")).GetProperty("id").GetGuid();
        using var mineClient = factory.CreateApiClient(await platform.CreateTenantKeyAsync(mine));

        foreach (var path in new[] { "", "/skills", "/skills/their-skill", "/users", $"/users/{theirUser}", "/audit" })
            await ApiAssert.ProblemAsync(await mineClient.GetAsync($"/api/v1/tenants/{theirs}{path}", Ct), HttpStatusCode.NotFound);
        await ApiAssert.ProblemAsync(await mineClient.PatchAsJsonAsync($"/api/v1/tenants/{theirs}", new { displayName = "x" }, Ct), HttpStatusCode.NotFound);

        // Under its own prefix the other tenant's rows are invisible too.
        await ApiAssert.ProblemAsync(await mineClient.GetAsync($"/api/v1/tenants/{mine}/skills/their-skill", Ct), HttpStatusCode.NotFound);
        await ApiAssert.ProblemAsync(await mineClient.GetAsync($"/api/v1/tenants/{mine}/users/{theirUser}", Ct), HttpStatusCode.NotFound);
        var users = await ApiAssert.JsonAsync(await mineClient.GetAsync($"/api/v1/tenants/{mine}/users?search=them", Ct), HttpStatusCode.OK);
        Assert.Equal(0, users.GetProperty("totalCount").GetInt32());
        var skills = await ApiAssert.JsonAsync(await mineClient.GetAsync($"/api/v1/tenants/{mine}/skills", Ct), HttpStatusCode.OK);
        Assert.Empty(skills.EnumerateArray());
    }
}
