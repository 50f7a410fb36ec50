using AlexaLinkHub.Application.Common.Tenancy;
using AlexaLinkHub.Domain.Users;
using AlexaLinkHub.Infrastructure.Persistence;
using AlexaLinkHub.TestSupport;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace AlexaLinkHub.Web.FunctionalTests.Imports;

/// <summary>What the database holds for a user (the API never shows password hashes, by design).</summary>
public static class ImportDatabase
{
    public static async Task<EndUser?> StoredUserAsync(this AlexaLinkHubFactory app, string slug, string email)
    {
        await using var scope = app.Services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<TenantContext>().EnterPlatformScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var tenant = await db.Tenants.SingleAsync(t => t.Slug == slug, TestContext.Current.CancellationToken);
        var normalized = EmailAddress.Normalize(email);
        return await db.EndUsers.AsNoTracking().SingleOrDefaultAsync(u => u.TenantId == tenant.Id && u.NormalizedEmail == normalized, TestContext.Current.CancellationToken);
    }

    public static async Task<int> CountUsersAsync(this AlexaLinkHubFactory app, string slug)
    {
        await using var scope = app.Services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<TenantContext>().EnterPlatformScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var tenant = await db.Tenants.SingleAsync(t => t.Slug == slug, TestContext.Current.CancellationToken);
        return await db.EndUsers.CountAsync(u => u.TenantId == tenant.Id, TestContext.Current.CancellationToken);
    }
}
