using AlexaLinkHub.Application.Common.Tenancy;
using AlexaLinkHub.Application.Common.Exceptions;
using AlexaLinkHub.Application.Tenants;
using AlexaLinkHub.Application.UnitTests.Support;
using AlexaLinkHub.TestSupport;
using Mediator;

namespace AlexaLinkHub.Application.UnitTests.Tenants;

public sealed class EnterTenantScopeTests
{
    [Fact]
    public async Task Enter_OwnTenant_ReturnsItsId()
    {
        await using var app = await AppServices.CreateAsync();
        var acme = await app.CreateTenantAsync("acme");

        Assert.Equal(acme.Id, await app.AsAdminOfWithoutScope<Guid>(acme, new EnterTenantScope("acme")));
    }

    [Fact]
    public async Task Enter_AsPlatform_ReachesAnyTenant()
    {
        await using var app = await AppServices.CreateAsync();
        await app.CreateTenantAsync("acme");
        var globex = await app.CreateTenantAsync("globex");

        Assert.Equal(globex.Id, await app.SendAsPlatformAsync<Guid>(new EnterTenantScope("globex")));
    }

    [Fact]
    public async Task Enter_UnknownSlugAndForeignTenant_AreTheSameNotFound()
    {
        await using var app = await AppServices.CreateAsync();
        var acme = await app.CreateTenantAsync("acme");
        await app.CreateTenantAsync("globex");

        var unknown = await Assert.ThrowsAsync<NotFoundException>(() => app.AsAdminOfWithoutScope<Guid>(acme, new EnterTenantScope("nosuch")));
        var foreign = await Assert.ThrowsAsync<NotFoundException>(() => app.AsAdminOfWithoutScope<Guid>(acme, new EnterTenantScope("globex")));

        // Not confirming that globex exists: the answer must be indistinguishable from an unknown slug.
        Assert.Equal(unknown.Message, foreign.Message);
    }

    [Fact]
    public async Task Enter_AsAnonymous_IsNotFound()
    {
        await using var app = await AppServices.CreateAsync();
        await app.CreateTenantAsync("acme");

        await Assert.ThrowsAsync<NotFoundException>(() => app.AsAnonymous<Guid>(new EnterTenantScope("acme")));
    }

    [Fact]
    public async Task EnterPlatformScope_ByATenantAdmin_IsForbidden()
    {
        await using var app = await AppServices.CreateAsync();
        var acme = await app.CreateTenantAsync("acme");

        await Assert.ThrowsAsync<ForbiddenException>(() => app.AsAdminOfWithoutScope<Unit>(acme, new EnterPlatformScope()));
        Assert.Equal(Unit.Value, await app.SendAsPlatformAsync<Unit>(new EnterPlatformScope()));
    }

    [Fact]
    public async Task TenantAdminRequest_ForAnotherTenantInScope_IsNotFound()
    {
        await using var app = await AppServices.CreateAsync();
        var acme = await app.CreateTenantAsync("acme");
        var globex = await app.CreateTenantAsync("globex");

        // An actor that administers acme, with globex in scope: the authorisation behaviour answers "not found".
        var notFound = await Assert.ThrowsAsync<NotFoundException>(() =>
            app.SendAsync<TenantDto>(new GetTenant(), (actor, scope) =>
            {
                actor.Set(Actor.ApiKey("tenant-test-acme", acme.Id, null));
                scope.EnterTenant(globex.Id, globex.Slug);
            }));

        Assert.Equal("Tenant not found.", notFound.Message);
    }
}
