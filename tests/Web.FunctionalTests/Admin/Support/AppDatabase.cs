using AlexaLinkHub.Application.Common.Tenancy;
using AlexaLinkHub.Infrastructure.Persistence;
using Microsoft.Extensions.DependencyInjection;

namespace AlexaLinkHub.Web.FunctionalTests.Admin.Support;

/// <summary>Reads the app's database directly (platform scope), to check what a page did — or did not — store.</summary>
public static class AppDatabase
{
    public static Task<T> QueryAsync<T>(this AdminFixture app, Func<AppDbContext, Task<T>> query) => app.Factory.QueryAsync(query);

    public static async Task<T> QueryAsync<T>(this AlexaLinkHub.TestSupport.AlexaLinkHubFactory app, Func<AppDbContext, Task<T>> query)
    {
        await using var scope = app.Services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<TenantContext>().EnterPlatformScope();
        return await query(scope.ServiceProvider.GetRequiredService<AppDbContext>());
    }
}
