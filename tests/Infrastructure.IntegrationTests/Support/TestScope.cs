using AlexaLinkHub.Application.Common.Tenancy;
using AlexaLinkHub.Infrastructure.Persistence;
using AlexaLinkHub.TestSupport;
using Microsoft.Extensions.DependencyInjection;

namespace AlexaLinkHub.Infrastructure.IntegrationTests.Support;

/// <summary>The tenant scope a unit of work runs in: none at all (what forgetting to set it looks like), the platform
/// scope, or one tenant.</summary>
public readonly record struct TestScope(bool IsPlatform, Guid? TenantId)
{
    public static TestScope None => new(false, null);
    public static TestScope Platform => new(true, null);
    public static TestScope Tenant(Guid tenantId) => new(false, tenantId);

    public void Enter(TenantContext context)
    {
        if (IsPlatform)
            context.EnterPlatformScope();
        else if (TenantId is { } id)
            context.EnterTenant(id, "test");
    }
}

public static class ScopedAppServicesExtensions
{
    /// <summary>Runs <paramref name="work"/> in a DI scope of its own (like one request) with <paramref name="scope"/> entered.</summary>
    public static async Task<T> InScopeAsync<T>(this AppServices app, TestScope scope, Func<IServiceProvider, Task<T>> work)
    {
        await using var services = app.Services.CreateAsyncScope();
        scope.Enter(services.ServiceProvider.GetRequiredService<TenantContext>());
        return await work(services.ServiceProvider);
    }

    public static Task<T> QueryAsync<T>(this AppServices app, TestScope scope, Func<AppDbContext, Task<T>> query) =>
        app.InScopeAsync(scope, services => query(services.GetRequiredService<AppDbContext>()));

    public static Task<int> SaveInScopeAsync(this AppServices app, TestScope scope, Action<AppDbContext> change) =>
        app.QueryAsync(scope, db =>
        {
            change(db);
            return db.SaveChangesAsync(TestContext.Current.CancellationToken);
        });
}
