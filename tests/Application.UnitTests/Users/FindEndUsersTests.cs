using AlexaLinkHub.Application.Common.Exceptions;
using AlexaLinkHub.Application.Common.Models;
using AlexaLinkHub.Application.Tenants;
using AlexaLinkHub.Application.UnitTests.Support;
using AlexaLinkHub.Application.Users;
using AlexaLinkHub.Infrastructure.Persistence;
using AlexaLinkHub.TestSupport;

namespace AlexaLinkHub.Application.UnitTests.Users;

public sealed class FindEndUsersTests
{
    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.PostgreSql)]
    public async Task Find_BySearchText_MatchesAnExternalIdOrElseAnEmailPrefixIgnoringCase(DatabaseProvider provider)
    {
        await using var app = await AppServices.CreateAsync(provider);
        var (acme, _) = await SeedAsync(app);

        Assert.Equal(["anna@acme.example"], await EmailsAsync(app, acme, new FindEndUsers(Search: "ANNA@")));
        Assert.Equal(["bob@example.com"], await EmailsAsync(app, acme, new FindEndUsers(Search: "bO")));
        Assert.Equal(["carl@example.com"], await EmailsAsync(app, acme, new FindEndUsers(Search: "  carl@EX  ")));
        Assert.Equal(["zoe@taxi.example"], await EmailsAsync(app, acme, new FindEndUsers(Search: "crm-zoe")));
        Assert.Empty(await EmailsAsync(app, acme, new FindEndUsers(Search: "ACME")));
        Assert.Empty(await EmailsAsync(app, acme, new FindEndUsers(Search: "CRM-ZOE")));
    }

    [Fact]
    public async Task Find_WithoutSearch_ListsTheTenantsUsersByEmail()
    {
        await using var app = await AppServices.CreateAsync();
        var (acme, globex) = await SeedAsync(app);

        Assert.Equal(["anna@acme.example", "bob@example.com", "carl@example.com", "zoe@taxi.example"], await EmailsAsync(app, acme, new FindEndUsers()));
        Assert.Equal(["anna@globex.example"], await EmailsAsync(app, globex, new FindEndUsers()));
    }

    [Fact]
    public async Task Find_NeverReturnsAnotherTenantsUsers()
    {
        await using var app = await AppServices.CreateAsync();
        var (acme, globex) = await SeedAsync(app);

        // "globex" appears only in the other tenant's user; "anna" in both.
        Assert.Empty(await EmailsAsync(app, acme, new FindEndUsers(Search: "globex")));
        Assert.Equal(["anna@acme.example"], await EmailsAsync(app, acme, new FindEndUsers(Search: "anna")));
        Assert.Equal(["anna@globex.example"], await EmailsAsync(app, globex, new FindEndUsers(Search: "anna")));
    }

    [Fact]
    public async Task Find_Paging_ReturnsThePageAndTheTotal()
    {
        await using var app = await AppServices.CreateAsync();
        var acme = await app.CreateTenantAsync("acme");
        for (var i = 1; i <= 5; i++)
            await app.AsAdminOf<EndUserDto>(acme, Requests.User($"user{i}@example.com"));

        var first = await app.AsAdminOf<Page<EndUserDto>>(acme, new FindEndUsers(PageSize: 2));
        var second = await app.AsAdminOf<Page<EndUserDto>>(acme, new FindEndUsers(Page: 2, PageSize: 2));
        var last = await app.AsAdminOf<Page<EndUserDto>>(acme, new FindEndUsers(Page: 3, PageSize: 2));
        var beyond = await app.AsAdminOf<Page<EndUserDto>>(acme, new FindEndUsers(Page: 9, PageSize: 2));

        Assert.Equal((1, 2, 5, 3), (first.PageNumber, first.PageSize, first.TotalCount, first.TotalPages));
        Assert.Equal(["user1@example.com", "user2@example.com"], first.Items.Select(u => u.Email));
        Assert.Equal((2, 5), (second.PageNumber, second.TotalCount));
        Assert.Equal(["user3@example.com", "user4@example.com"], second.Items.Select(u => u.Email));
        Assert.Equal(["user5@example.com"], last.Items.Select(u => u.Email));
        Assert.Empty(beyond.Items);
        Assert.Equal(5, beyond.TotalCount);
    }

    [Fact]
    public async Task Find_PagingOutOfRange_IsClampedToSaneValues()
    {
        await using var app = await AppServices.CreateAsync();
        var acme = await app.CreateTenantAsync("acme");
        await app.AsAdminOf<EndUserDto>(acme, Requests.User("jo@example.com"));

        var page = await app.AsAdminOf<Page<EndUserDto>>(acme, new FindEndUsers(Page: 0, PageSize: 1000));
        var defaults = await app.AsAdminOf<Page<EndUserDto>>(acme, new FindEndUsers());

        Assert.Equal((1, Paging.MaxPageSize, 1), (page.PageNumber, page.PageSize, page.Items.Count));
        Assert.Equal(Paging.DefaultPageSize, defaults.PageSize);
    }

    [Fact]
    public async Task GetEndUser_OwnUser_IsReturned_AnotherTenantsIsNotFound()
    {
        await using var app = await AppServices.CreateAsync();
        var acme = await app.CreateTenantAsync("acme");
        var globex = await app.CreateTenantAsync("globex");
        var jo = await app.AsAdminOf<EndUserDto>(acme, Requests.User("jo@example.com", "Jo Doe", "crm-1"));

        Assert.Equal(jo, await app.AsAdminOf<EndUserDto>(acme, new GetEndUser(jo.Id)));
        var notFound = await Assert.ThrowsAsync<NotFoundException>(() => app.AsAdminOf<EndUserDto>(globex, new GetEndUser(jo.Id)));
        Assert.Equal("User not found.", notFound.Message);
        await Assert.ThrowsAsync<NotFoundException>(() => app.AsAdminOf<EndUserDto>(acme, new GetEndUser(Guid.NewGuid())));
    }

    private static async Task<(TenantDto Acme, TenantDto Globex)> SeedAsync(AppServices app)
    {
        var acme = await app.CreateTenantAsync("acme");
        var globex = await app.CreateTenantAsync("globex");
        await app.AsAdminOf<EndUserDto>(acme, Requests.User("zoe@taxi.example", "Zoe Acme-Driver", "crm-zoe"));
        await app.AsAdminOf<EndUserDto>(acme, Requests.User("carl@example.com", "Carl"));
        await app.AsAdminOf<EndUserDto>(acme, Requests.User("Anna@Acme.example", "Anna"));
        await app.AsAdminOf<EndUserDto>(acme, Requests.User("bob@example.com", "Bob the Builder"));
        await app.AsAdminOf<EndUserDto>(globex, Requests.User("anna@globex.example", "Anna"));
        return (acme, globex);
    }

    private static async Task<List<string>> EmailsAsync(AppServices app, TenantDto tenant, FindEndUsers query) =>
        (await app.AsAdminOf<Page<EndUserDto>>(tenant, query)).Items.Select(u => u.Email.ToLowerInvariant()).ToList();
}
