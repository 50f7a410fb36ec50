using System.Security.Cryptography;
using AlexaLinkHub.Infrastructure.IntegrationTests.Support;
using AlexaLinkHub.Infrastructure.Persistence;
using AlexaLinkHub.TestSupport;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace AlexaLinkHub.Infrastructure.IntegrationTests;

/// <summary>The data-protection key ring (antiforgery, cookies, reset tokens) lives in the database, so a second
/// instance — or the same one after a restart — reads what the first one protected.</summary>
public sealed class DataProtectionKeyTests
{
    private const string Purpose = "AlexaLinkHub.Tests.DataProtection";

    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.PostgreSql)]
    public async Task Unprotect_OnASecondHostOnTheSameDatabase_ReturnsTheOriginal(DatabaseProvider provider)
    {
        await using var first = await AppServices.CreateAsync(provider);
        var protectedPayload = Protector(first).Protect("reset-token-payload");
        var storedKeys = await first.QueryAsync(TestScope.None, db => db.DataProtectionKeys.Select(k => k.Xml).ToListAsync(TestContext.Current.CancellationToken));

        await using var second = await AppServices.CreateOnAsync(first.Database);

        Assert.Equal("reset-token-payload", Protector(second).Unprotect(protectedPayload));
        var key = Assert.Single(storedKeys);
        Assert.Contains("<key id=", key, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Unprotect_OnAHostWithAnotherDatabase_FailsBecauseTheKeysLiveInTheDatabase()
    {
        await using var first = await AppServices.CreateAsync(DatabaseProvider.Sqlite);
        var protectedPayload = Protector(first).Protect("reset-token-payload");

        await using var stranger = await AppServices.CreateAsync(DatabaseProvider.Sqlite);

        Assert.Throws<CryptographicException>(() => Protector(stranger).Unprotect(protectedPayload));
    }

    private static IDataProtector Protector(AppServices app) =>
        app.Services.GetRequiredService<IDataProtectionProvider>().CreateProtector(Purpose);
}
