using AlexaLinkHub.Application.ApiKeys;
using AlexaLinkHub.Application.Bootstrap;
using AlexaLinkHub.Application.Common.Exceptions;
using AlexaLinkHub.Application.Common.Security;
using AlexaLinkHub.Application.UnitTests.Support;
using AlexaLinkHub.Domain.Audit;
using AlexaLinkHub.Infrastructure.Persistence;
using AlexaLinkHub.TestSupport;
using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;
using static AlexaLinkHub.Application.UnitTests.Support.TestActors;

namespace AlexaLinkHub.Application.UnitTests.ApiKeys;

public sealed class ApiKeyCommandTests
{
    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.PostgreSql)]
    public async Task Create_ShowsTheKeyOnceAndStoresOnlyItsHash(DatabaseProvider provider)
    {
        await using var app = await AppServices.CreateAsync(provider);
        var acme = await app.CreateTenantAsync("acme");

        var created = await app.AsAdminOf<CreatedApiKeyDto>(acme, new CreateApiKey { Name = "CI deploy" });

        Assert.StartsWith("alh_", created.Key, StringComparison.Ordinal);
        Assert.Equal(created.Key[..12], created.Prefix);
        Assert.Equal(("CI deploy", app.Clock.GetUtcNow()), (created.Name, created.CreatedAt));
        var stored = await app.QueryDbAsync(db => db.ApiKeys.SingleAsync(Ct));
        Assert.Equal((created.Id, (Guid?)acme.Id, SecretTokens.Hash(created.Key)), (stored.Id, stored.TenantId, stored.KeyHash));
        Assert.DoesNotContain(await app.AllValuesAsync("ApiKeys"), v => v.Contains(created.Key, StringComparison.Ordinal));
        var audit = Assert.Single(await app.AuditEventsAsync(AuditActions.ApiKeyCreated));
        Assert.Equal((acme.Id, $"api-key:{created.Prefix}", "name=CI deploy; role=admin"), (audit.TenantId!.Value, audit.Target, audit.Details));
        Assert.DoesNotContain(await app.AllValuesAsync("AuditEvents"), v => v.Contains(created.Key, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Create_WithoutName_IsRefused()
    {
        await using var app = await AppServices.CreateAsync();
        var acme = await app.CreateTenantAsync("acme");

        var invalid = await Assert.ThrowsAsync<ValidationException>(() => app.AsAdminOf<CreatedApiKeyDto>(acme, new CreateApiKey { Name = " " }));

        Assert.Equal("Name is required.", Assert.Single(invalid.MessagesFor("name")));
    }

    [Fact]
    public async Task List_ShowsOnlyTheTenantsKeys_WithoutTheKeyItself()
    {
        await using var app = await AppServices.CreateAsync();
        var acme = await app.CreateTenantAsync("acme");
        var globex = await app.CreateTenantAsync("globex");
        var deploy = await app.AsAdminOf<CreatedApiKeyDto>(acme, new CreateApiKey { Name = "deploy" });
        await app.AsAdminOf<CreatedApiKeyDto>(acme, new CreateApiKey { Name = "backup" });
        await app.AsAdminOf<CreatedApiKeyDto>(globex, new CreateApiKey { Name = "globex key" });

        var keys = await app.AsAdminOf<IReadOnlyList<ApiKeyDto>>(acme, new ListApiKeys());

        Assert.Equal(["backup", "deploy"], keys.Select(k => k.Name));
        var listed = keys[1];
        Assert.Equal((deploy.Id, deploy.Prefix, true, null), (listed.Id, listed.Prefix, listed.Active, listed.RevokedAt));
        Assert.DoesNotContain(typeof(ApiKeyDto).GetProperties(), p => p.Name is "Key" or "KeyHash");
    }

    [Fact]
    public async Task Authenticate_ActiveTenantKey_ReturnsItsTenant()
    {
        await using var app = await AppServices.CreateAsync();
        var acme = await app.CreateTenantAsync("acme");
        var created = await app.AsAdminOf<CreatedApiKeyDto>(acme, new CreateApiKey { Name = "deploy" });

        var identity = await app.AsAnonymous<ApiKeyIdentity?>(new AuthenticateApiKey(created.Key));

        Assert.NotNull(identity);
        Assert.Equal((created.Id, created.Prefix, (Guid?)acme.Id, false), (identity.KeyId, identity.Prefix, identity.TenantId, identity.IsPlatformKey));
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("alh_not-a-real-key")]
    [InlineData("Bearer alh_x")]
    public async Task Authenticate_Garbage_IsNull(string key)
    {
        await using var app = await AppServices.CreateAsync();
        var acme = await app.CreateTenantAsync("acme");
        await app.AsAdminOf<CreatedApiKeyDto>(acme, new CreateApiKey { Name = "deploy" });

        Assert.Null(await app.AsAnonymous<ApiKeyIdentity?>(new AuthenticateApiKey(key)));
    }

    [Fact]
    public async Task Authenticate_OverlongKey_IsNull()
    {
        await using var app = await AppServices.CreateAsync();

        Assert.Null(await app.AsAnonymous<ApiKeyIdentity?>(new AuthenticateApiKey("alh_" + new string('a', 500))));
    }

    [Fact]
    public async Task Revoke_StopsTheKeyAtOnce_AndIsAuditedOnce()
    {
        await using var app = await AppServices.CreateAsync();
        var acme = await app.CreateTenantAsync("acme");
        var created = await app.AsAdminOf<CreatedApiKeyDto>(acme, new CreateApiKey { Name = "deploy" });
        app.Clock.Advance(TimeSpan.FromMinutes(3));

        await app.AsAdminOf<Unit>(acme, new RevokeApiKey(created.Id));
        await app.AsAdminOf<Unit>(acme, new RevokeApiKey(created.Id));

        Assert.Null(await app.AsAnonymous<ApiKeyIdentity?>(new AuthenticateApiKey(created.Key)));
        var listed = Assert.Single(await app.AsAdminOf<IReadOnlyList<ApiKeyDto>>(acme, new ListApiKeys()));
        Assert.Equal((false, app.Clock.GetUtcNow()), (listed.Active, listed.RevokedAt!.Value));
        Assert.Equal($"api-key:{created.Prefix}", Assert.Single(await app.AuditEventsAsync(AuditActions.ApiKeyRevoked)).Target);
    }

    [Fact]
    public async Task Revoke_AnotherTenantsKey_IsNotFoundAndTheKeyKeepsWorking()
    {
        await using var app = await AppServices.CreateAsync();
        var acme = await app.CreateTenantAsync("acme");
        var globex = await app.CreateTenantAsync("globex");
        var globexKey = await app.AsAdminOf<CreatedApiKeyDto>(globex, new CreateApiKey { Name = "globex key" });

        await Assert.ThrowsAsync<NotFoundException>(() => app.AsAdminOf<Unit>(acme, new RevokeApiKey(globexKey.Id)));
        await Assert.ThrowsAsync<NotFoundException>(() => app.AsAdminOf<Unit>(acme, new RevokeApiKey(Guid.NewGuid())));

        Assert.Equal(globex.Id, (await app.AsAnonymous<ApiKeyIdentity?>(new AuthenticateApiKey(globexKey.Key)))!.TenantId);
        Assert.Empty(await app.AuditEventsAsync(AuditActions.ApiKeyRevoked));
    }

    [Fact]
    public async Task Revoke_APlatformKeyThroughATenant_IsNotFound()
    {
        await using var app = await AppServices.CreateAsync();
        var acme = await app.CreateTenantAsync("acme");
        await app.SendAsPlatformAsync<BootstrapResult>(new BootstrapPlatform("alh_platform-key-for-tests", "root@example.com", "a long password"));
        var platformKeyId = await app.QueryDbAsync(db => db.ApiKeys.Where(k => k.TenantId == null).Select(k => k.Id).SingleAsync(Ct));

        await Assert.ThrowsAsync<NotFoundException>(() => app.AsAdminOf<Unit>(acme, new RevokeApiKey(platformKeyId)));

        Assert.True((await app.AsAnonymous<ApiKeyIdentity?>(new AuthenticateApiKey("alh_platform-key-for-tests")))!.IsPlatformKey);
    }
}
