using AlexaLinkHub.Domain.Users;
using AlexaLinkHub.Infrastructure.Persistence;
using AlexaLinkHub.TestSupport;
using AlexaLinkHub.Web.FunctionalTests.Admin.Support;
using Microsoft.EntityFrameworkCore;

namespace AlexaLinkHub.Web.FunctionalTests.Imports.Support;

/// <summary>What the database holds for a tenant's users (the API never shows password hashes, by design).</summary>
public static class ImportDatabase
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public static Task<EndUser?> StoredUserAsync(this AlexaLinkHubFactory app, string slug, string email) =>
        app.QueryAsync(async db =>
        {
            var normalized = EmailAddress.Normalize(email);
            return await Users(db, slug).AsNoTracking().SingleOrDefaultAsync(u => u.NormalizedEmail == normalized, Ct);
        });

    public static Task<int> CountUsersAsync(this AlexaLinkHubFactory app, string slug) =>
        app.QueryAsync(db => Users(db, slug).CountAsync(Ct));

    private static IQueryable<EndUser> Users(AppDbContext db, string slug) =>
        db.EndUsers.Where(u => db.Tenants.Any(t => t.Id == u.TenantId && t.Slug == slug));
}
