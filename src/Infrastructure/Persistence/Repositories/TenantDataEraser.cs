using AlexaLinkHub.Application.Tenants;
using AlexaLinkHub.Domain.Admins;
using AlexaLinkHub.Domain.Emails;
using AlexaLinkHub.Domain.ExternalSignIn;
using AlexaLinkHub.Infrastructure.OAuth;
using Microsoft.EntityFrameworkCore;

namespace AlexaLinkHub.Infrastructure.Persistence.Repositories;

/// <summary>Offboarding: set-based deletes, children before parents, inside the command's transaction (a failure leaves
/// the tenant whole). The query filters are bypassed on purpose: every statement names the tenant itself.</summary>
internal sealed class TenantDataEraser(AppDbContext db, Caching.ChangeClock clock, TimeProvider time) : ITenantDataEraser
{
    public async Task EraseAsync(Guid tenantId, CancellationToken cancellationToken)
    {
        Caching.ChangeFeed.Announce(db, clock, time, [tenantId]);
        await db.Set<OAuthToken>().IgnoreQueryFilters().Where(t => t.TenantId == tenantId).ExecuteDeleteAsync(cancellationToken);
        await db.Set<OAuthAuthorization>().IgnoreQueryFilters().Where(a => a.TenantId == tenantId).ExecuteDeleteAsync(cancellationToken);
        await db.Set<OAuthScope>().IgnoreQueryFilters().Where(s => s.TenantId == tenantId).ExecuteDeleteAsync(cancellationToken);
        await db.AccountLinks.IgnoreQueryFilters().Where(l => l.TenantId == tenantId).ExecuteDeleteAsync(cancellationToken);
        await db.SignInThrottles.IgnoreQueryFilters().Where(t => t.TenantId == tenantId).ExecuteDeleteAsync(cancellationToken);
        await db.Set<ExternalLogin>().IgnoreQueryFilters().Where(l => l.TenantId == tenantId).ExecuteDeleteAsync(cancellationToken);
        await db.Set<IdentityProvider>().IgnoreQueryFilters().Where(p => p.TenantId == tenantId).ExecuteDeleteAsync(cancellationToken);
        await db.EndUsers.IgnoreQueryFilters().Where(u => u.TenantId == tenantId).ExecuteDeleteAsync(cancellationToken);
        // A skill's row is also its OAuth client's (table splitting), which EF cannot delete set-based; a tenant has few.
        db.Skills.RemoveRange(await db.Skills.IgnoreQueryFilters().Where(s => s.TenantId == tenantId).ToListAsync(cancellationToken));
        await db.SaveChangesAsync(cancellationToken);
        await db.ApiKeys.Where(k => k.TenantId == tenantId).ExecuteDeleteAsync(cancellationToken);
        await db.Set<OutboundEmail>().IgnoreQueryFilters().Where(e => e.TenantId == tenantId).ExecuteDeleteAsync(cancellationToken);

        // Admins who administered only this tenant would be left with nothing to sign in to: they go too.
        var members = await db.Set<AdminMembership>().Where(m => m.TenantId == tenantId).Select(m => m.AdminUserId).ToListAsync(cancellationToken);
        await db.Set<AdminMembership>().Where(m => m.TenantId == tenantId).ExecuteDeleteAsync(cancellationToken);
        await db.AdminUsers.Where(a => members.Contains(a.Id) && !a.IsPlatformAdmin && !a.Memberships.Any()).ExecuteDeleteAsync(cancellationToken);

        await db.Tenants.Where(t => t.Id == tenantId).ExecuteDeleteAsync(cancellationToken);
    }
}
