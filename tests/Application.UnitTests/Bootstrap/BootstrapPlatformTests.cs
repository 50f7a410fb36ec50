using AlexaLinkHub.Application.ApiKeys;
using AlexaLinkHub.Application.Bootstrap;
using AlexaLinkHub.Application.Common.Exceptions;
using AlexaLinkHub.Application.Common.Security;
using AlexaLinkHub.Application.UnitTests.Support;
using AlexaLinkHub.Domain.Audit;
using AlexaLinkHub.TestSupport;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static AlexaLinkHub.Application.UnitTests.Support.TestActors;

namespace AlexaLinkHub.Application.UnitTests.Bootstrap;

public sealed class BootstrapPlatformTests
{
    private const string ConfiguredKey = "alh_configured-platform-key-0123456789";

    [Fact]
    public async Task Bootstrap_ConfiguredKey_IsInstalledOnceAndAuthenticates()
    {
        await using var app = await AppServices.CreateAsync();

        var first = await app.SendAsPlatformAsync<BootstrapResult>(new BootstrapPlatform(ConfiguredKey, "root@example.com", "a long password"));
        var second = await app.SendAsPlatformAsync<BootstrapResult>(new BootstrapPlatform(ConfiguredKey, "root@example.com", "a long password"));

        Assert.False(first.GeneratedAnything);
        Assert.False(second.GeneratedAnything);
        var key = await app.QueryDbAsync(db => db.ApiKeys.SingleAsync(Ct));
        Assert.Equal((null, SecretTokens.Hash(ConfiguredKey), "alh_configur"), (key.TenantId, key.KeyHash, key.Prefix));
        var identity = await app.AsAnonymous<ApiKeyIdentity?>(new AuthenticateApiKey(ConfiguredKey));
        Assert.True(identity!.IsPlatformKey);
        Assert.Single(await app.AuditEventsAsync(AuditActions.ApiKeyCreated));
    }

    [Fact]
    public async Task Bootstrap_ConfiguredAdmin_IsInstalledOnceWithAHashedPassword()
    {
        await using var app = await AppServices.CreateAsync();

        await app.SendAsPlatformAsync<BootstrapResult>(new BootstrapPlatform(ConfiguredKey, " Root@Example.com ", "a long password"));
        await app.SendAsPlatformAsync<BootstrapResult>(new BootstrapPlatform(ConfiguredKey, "root@example.com", "a long password"));

        var admin = await app.QueryDbAsync(db => db.AdminUsers.SingleAsync(Ct));
        Assert.Equal(("Root@Example.com", "ROOT@EXAMPLE.COM", true, true), (admin.Email, admin.NormalizedEmail, admin.IsPlatformAdmin, admin.Enabled));
        Assert.NotEqual("a long password", admin.PasswordHash);
        Assert.Equal(PasswordCheck.Success, app.Services.GetRequiredService<IPasswordHasher>().Verify(admin.PasswordHash, "a long password"));
        var audit = Assert.Single(await app.AuditEventsAsync(AuditActions.AdminCreated));
        Assert.Null(audit.TenantId);
        Assert.DoesNotContain(await app.AllValuesAsync("AuditEvents"), v => v.Contains("a long password", StringComparison.Ordinal) || v.Contains(ConfiguredKey, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Bootstrap_NothingConfiguredOnAnEmptyDatabase_GeneratesAUsableKeyAndAdmin()
    {
        await using var app = await AppServices.CreateAsync();

        var result = await app.SendAsPlatformAsync<BootstrapResult>(new BootstrapPlatform(null, null, null));

        Assert.True(result.GeneratedAnything);
        Assert.StartsWith("alh_", result.GeneratedApiKey, StringComparison.Ordinal);
        Assert.Equal(BootstrapOptions.GeneratedAdminEmail, result.GeneratedAdminEmail);
        Assert.True(result.GeneratedAdminPassword!.Length >= 20);
        var identity = await app.AsAnonymous<ApiKeyIdentity?>(new AuthenticateApiKey(result.GeneratedApiKey!));
        Assert.True(identity!.IsPlatformKey);
        var admin = await app.QueryDbAsync(db => db.AdminUsers.SingleAsync(Ct));
        Assert.Equal((BootstrapOptions.GeneratedAdminEmail, true), (admin.Email, admin.IsPlatformAdmin));
        Assert.Equal(PasswordCheck.Success, app.Services.GetRequiredService<IPasswordHasher>().Verify(admin.PasswordHash, result.GeneratedAdminPassword));
        var stored = (await app.AllValuesAsync("ApiKeys")).Concat(await app.AllValuesAsync("AdminUsers")).Concat(await app.AllValuesAsync("AuditEvents"));
        Assert.DoesNotContain(stored, v => v.Contains(result.GeneratedApiKey!, StringComparison.Ordinal) || v.Contains(result.GeneratedAdminPassword, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Bootstrap_SecondRunAfterGenerating_GeneratesNothing()
    {
        await using var app = await AppServices.CreateAsync();
        var first = await app.SendAsPlatformAsync<BootstrapResult>(new BootstrapPlatform(null, null, null));

        var second = await app.SendAsPlatformAsync<BootstrapResult>(new BootstrapPlatform(null, null, null));

        Assert.Equal(new BootstrapResult(null, null, null), second);
        Assert.False(second.GeneratedAnything);
        Assert.Equal(1, await app.QueryDbAsync(db => db.ApiKeys.CountAsync(Ct)));
        Assert.Equal(1, await app.QueryDbAsync(db => db.AdminUsers.CountAsync(Ct)));
        Assert.NotNull(await app.AsAnonymous<ApiKeyIdentity?>(new AuthenticateApiKey(first.GeneratedApiKey!)));
    }

    [Fact]
    public async Task Bootstrap_AdminEmailWithoutPassword_GeneratesAPasswordForThatEmail()
    {
        await using var app = await AppServices.CreateAsync();

        var result = await app.SendAsPlatformAsync<BootstrapResult>(new BootstrapPlatform(ConfiguredKey, " ops@example.com ", null));

        Assert.Null(result.GeneratedApiKey);
        Assert.Equal("ops@example.com", result.GeneratedAdminEmail);
        var admin = await app.QueryDbAsync(db => db.AdminUsers.SingleAsync(Ct));
        Assert.Equal("ops@example.com", admin.Email);
        Assert.Equal(PasswordCheck.Success, app.Services.GetRequiredService<IPasswordHasher>().Verify(admin.PasswordHash, result.GeneratedAdminPassword!));
    }

    [Fact]
    public async Task Bootstrap_ConfiguredKeyAddedLater_JoinsTheGeneratedOne()
    {
        await using var app = await AppServices.CreateAsync();
        var generated = await app.SendAsPlatformAsync<BootstrapResult>(new BootstrapPlatform(null, null, null));

        var later = await app.SendAsPlatformAsync<BootstrapResult>(new BootstrapPlatform(ConfiguredKey, null, null));

        Assert.False(later.GeneratedAnything);
        Assert.Equal(2, await app.QueryDbAsync(db => db.ApiKeys.CountAsync(k => k.TenantId == null, Ct)));
        Assert.NotNull(await app.AsAnonymous<ApiKeyIdentity?>(new AuthenticateApiKey(ConfiguredKey)));
        Assert.NotNull(await app.AsAnonymous<ApiKeyIdentity?>(new AuthenticateApiKey(generated.GeneratedApiKey!)));
    }

    [Fact]
    public async Task Bootstrap_ByATenantAdmin_IsForbidden()
    {
        await using var app = await AppServices.CreateAsync();
        var acme = await app.CreateTenantAsync("acme");

        await Assert.ThrowsAsync<ForbiddenException>(() => app.AsAdminOf<BootstrapResult>(acme, new BootstrapPlatform(null, null, null)));

        Assert.Equal(0, await app.QueryDbAsync(db => db.ApiKeys.CountAsync(Ct)));
        Assert.Equal(0, await app.QueryDbAsync(db => db.AdminUsers.CountAsync(Ct)));
    }
}
