using System.Net;
using System.Text.Json;
using AlexaLinkHub.Infrastructure.Persistence;
using AlexaLinkHub.TestSupport;
using AlexaLinkHub.Web.FunctionalTests.Support;

namespace AlexaLinkHub.Web.FunctionalTests.Api;

/// <summary>The keyset paging contract of the users and audit lists (ADR 020) through real HTTP, on each provider:
/// opaque next / previous cursors, stable while rows are added, refused (400) when forged or from another list.</summary>
public sealed class ListPagingApiTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static async Task<JsonElement> GetOkAsync(HttpClient client, string path) =>
        await ApiAssert.JsonAsync(await client.GetAsync(path, Ct), HttpStatusCode.OK);

    private static string? Cursor(JsonElement page, string name) =>
        page.GetProperty(name).ValueKind == JsonValueKind.Null ? null : page.GetProperty(name).GetString();

    private static IReadOnlyList<string> Emails(JsonElement page) =>
        page.GetProperty("items").EnumerateArray().Select(u => u.Str("email")).ToList();

    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.PostgreSql)]
    public async Task Users_FollowingNextWhileUsersAreAdded_ListsEveryUserOnceInOrderAndPreviousGoesBack(DatabaseProvider provider)
    {
        await using var factory = await ApiFixture.CreateFactoryAsync(provider);
        using var platform = factory.CreateApiClient();
        var slug = ApiFixture.NewSlug();
        await platform.CreateTenantOkAsync(slug);
        string[] original = ["b1@example.com", "b2@example.com", "b3@example.com", "b4@example.com", "b5@example.com", "b6@example.com", "b7@example.com"];
        foreach (var email in original)
            await platform.CreateUserOkAsync(slug, email);
        var users = $"/api/v1/tenants/{slug}/users";

        var pages = new List<JsonElement> { await GetOkAsync(platform, $"{users}?pageSize=3") };
        // Users added before and after the reader's position, between its requests.
        await platform.CreateUserOkAsync(slug, "a0@example.com");
        await platform.CreateUserOkAsync(slug, "b3x@example.com");
        while (Cursor(pages[^1], "next") is { } next)
            pages.Add(await GetOkAsync(platform, $"{users}?pageSize=3&after={Uri.EscapeDataString(next)}"));
        var back = await GetOkAsync(platform, $"{users}?pageSize=3&after={Uri.EscapeDataString(Cursor(pages[1], "previous")!)}");
        var before = await GetOkAsync(platform, $"{users}?pageSize=3&after={Uri.EscapeDataString(Cursor(back, "previous")!)}");

        var listed = pages.SelectMany(Emails).ToList();
        Assert.Equal(listed.Distinct().Order(StringComparer.Ordinal), listed);
        Assert.Equal(original.Append("b3x@example.com").Order(StringComparer.Ordinal), listed);
        Assert.Equal([1, 2, 3], pages.Select(p => p.GetProperty("pageNumber").GetInt32()));
        Assert.Null(Cursor(pages[0], "previous"));
        Assert.Equal(9, pages[^1].GetProperty("totalCount").GetInt32());
        Assert.True(pages[^1].GetProperty("totalIsExact").GetBoolean());
        Assert.Equal(["b1@example.com", "b2@example.com", "b3@example.com"], Emails(back));
        Assert.Equal(["a0@example.com"], Emails(before));
        Assert.Equal(1, before.GetProperty("pageNumber").GetInt32());
        Assert.Null(Cursor(before, "previous"));
    }

    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.PostgreSql)]
    public async Task Users_Search_MatchesAnEmailPrefixIgnoringCaseOrAnExactExternalId(DatabaseProvider provider)
    {
        await using var factory = await ApiFixture.CreateFactoryAsync(provider);
        using var platform = factory.CreateApiClient();
        var slug = ApiFixture.NewSlug();
        await platform.CreateTenantOkAsync(slug);
        await platform.CreateUserOkAsync(slug, "taxi.anna@example.com", externalId: "crm-7");
        await platform.CreateUserOkAsync(slug, "Taxi.Bob@example.com", externalId: "crm-70");
        await platform.CreateUserOkAsync(slug, "ataxi@example.com", externalId: "x-taxi");
        var users = $"/api/v1/tenants/{slug}/users";

        Assert.Equal(["taxi.anna@example.com", "Taxi.Bob@example.com"], Emails(await GetOkAsync(platform, $"{users}?search=TAXI.")));
        Assert.Equal(["Taxi.Bob@example.com"], Emails(await GetOkAsync(platform, $"{users}?search=taxi.b")));
        Assert.Equal(["taxi.anna@example.com"], Emails(await GetOkAsync(platform, $"{users}?search=crm-7")));
        Assert.Equal(["Taxi.Bob@example.com"], Emails(await GetOkAsync(platform, $"{users}?search=crm-70")));
        Assert.Empty(Emails(await GetOkAsync(platform, $"{users}?search=crm-")));
        Assert.Empty(Emails(await GetOkAsync(platform, $"{users}?search=xample")));
    }

    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.PostgreSql)]
    public async Task Cursor_ForgedOrFromAnotherTenantOrList_Is400NamingAfter(DatabaseProvider provider)
    {
        await using var factory = await ApiFixture.CreateFactoryAsync(provider);
        using var platform = factory.CreateApiClient();
        var mine = ApiFixture.NewSlug();
        var theirs = ApiFixture.NewSlug();
        await platform.CreateTenantOkAsync(mine);
        await platform.CreateTenantOkAsync(theirs);
        foreach (var email in new[] { "t1@example.com", "t2@example.com" })
        {
            await platform.CreateUserOkAsync(mine, email);
            await platform.CreateUserOkAsync(theirs, email);
        }
        var theirNext = Cursor(await GetOkAsync(platform, $"/api/v1/tenants/{theirs}/users?pageSize=1"), "next")!;
        var myNext = Cursor(await GetOkAsync(platform, $"/api/v1/tenants/{mine}/users?pageSize=1"), "next")!;
        var myAuditNext = Cursor(await GetOkAsync(platform, $"/api/v1/tenants/{mine}/audit?pageSize=1"), "next")!;

        foreach (var path in new[]
        {
            $"/api/v1/tenants/{mine}/users?after={Uri.EscapeDataString(theirNext)}",
            $"/api/v1/tenants/{mine}/users?search=t&after={Uri.EscapeDataString(myNext)}",
            $"/api/v1/tenants/{mine}/users?after={Uri.EscapeDataString(myAuditNext)}",
            $"/api/v1/tenants/{mine}/audit?after={Uri.EscapeDataString(myNext)}",
            $"/api/v1/tenants/{mine}/audit?action=user.created&after={Uri.EscapeDataString(myAuditNext)}",
            $"/api/v1/tenants/{mine}/users?after=not-a-cursor",
            $"/api/v1/tenants/{mine}/users?after=eyJQIjoyLCJCIjpmYWxzZSwiSyI6bnVsbCwiRiI6IngifQ",
        })
        {
            var problem = await ApiAssert.ProblemAsync(await platform.GetAsync(path, Ct), HttpStatusCode.BadRequest, "after");
            Assert.DoesNotContain("t2@", problem.GetRawText(), StringComparison.OrdinalIgnoreCase);
        }
    }

    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.PostgreSql)]
    public async Task Audit_FollowingNextAndPrevious_ReadsTheLogNewestFirstWithoutGapsOrRepeats(DatabaseProvider provider)
    {
        await using var factory = await ApiFixture.CreateFactoryAsync(provider);
        using var platform = factory.CreateApiClient();
        var slug = ApiFixture.NewSlug();
        await platform.CreateTenantOkAsync(slug);
        for (var i = 1; i <= 5; i++)
            await platform.CreateUserOkAsync(slug, $"audit{i}@example.com");
        var audit = $"/api/v1/tenants/{slug}/audit";
        var whole = (await GetOkAsync(platform, $"{audit}?pageSize=100")).GetProperty("items").EnumerateArray().Select(e => e.GetProperty("id").GetGuid()).ToList();

        var pages = new List<JsonElement> { await GetOkAsync(platform, $"{audit}?pageSize=2") };
        while (Cursor(pages[^1], "next") is { } next)
            pages.Add(await GetOkAsync(platform, $"{audit}?pageSize=2&after={Uri.EscapeDataString(next)}"));
        var back = await GetOkAsync(platform, $"{audit}?pageSize=2&after={Uri.EscapeDataString(Cursor(pages[^1], "previous")!)}");

        Assert.True(whole.Count >= 5, $"only {whole.Count} events");
        Assert.Equal(whole, pages.SelectMany(p => p.GetProperty("items").EnumerateArray().Select(e => e.GetProperty("id").GetGuid())));
        Assert.Equal(pages[^2].GetProperty("items").GetRawText(), back.GetProperty("items").GetRawText());
        Assert.Equal(pages.Count - 1, back.GetProperty("pageNumber").GetInt32());
    }
}
