using AlexaLinkHub.Application.Common.Tenancy;
using AlexaLinkHub.Infrastructure.Persistence;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace AlexaLinkHub.TestSupport;

/// <summary>Direct database access to a running app, for asserting (or arranging) what the HTTP surface does not show.</summary>
public static class FactoryDatabase
{
    /// <summary>Runs <paramref name="work"/> on the app's own DbContext in a scope of its own, in the platform scope (every
    /// tenant's rows visible). Call SaveChangesAsync inside to write.</summary>
    public static async Task<T> WithDbAsync<T>(this WebApplicationFactory<Program> factory, Func<AppDbContext, Task<T>> work)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<TenantContext>().EnterPlatformScope();
        return await work(scope.ServiceProvider.GetRequiredService<AppDbContext>());
    }

    /// <summary>The admin API has no end-user disable: the domain method, saved directly (through the app's interceptors).</summary>
    public static Task<int> SetEndUserEnabledAsync(this WebApplicationFactory<Program> factory, Guid userId, bool enabled) =>
        factory.WithDbAsync(async db =>
        {
            var user = await db.EndUsers.SingleAsync(u => u.Id == userId);
            if (enabled)
                user.Enable();
            else
                user.Disable(DateTimeOffset.UtcNow);
            return await db.SaveChangesAsync();
        });
}
