using AlexaLinkHub.Application.Tenants;
using AlexaLinkHub.Infrastructure.Persistence;
using AlexaLinkHub.TestSupport;
using Microsoft.EntityFrameworkCore;

namespace AlexaLinkHub.Infrastructure.IntegrationTests;

public sealed class PostgresSmokeTests
{
    [Fact]
    public async Task CreateTenant_OnPostgreSql_IsStored()
    {
        await using var app = await AppServices.CreateAsync(DatabaseProvider.PostgreSql);
        var tenant = await app.SendAsPlatformAsync<TenantDto>(new CreateTenant { Slug = "acme", DisplayName = "Acme" });
        var stored = await app.QueryDbAsync(db => db.Tenants.SingleAsync(t => t.Id == tenant.Id));
        Assert.Equal("acme", stored.Slug);
        Assert.Equal("Npgsql.EntityFrameworkCore.PostgreSQL", await app.QueryDbAsync(db => Task.FromResult(db.Database.ProviderName!)));
    }
}
