using AlexaLinkHub.Application.Tenants;
using AlexaLinkHub.Domain.Admins;
using Microsoft.Extensions.Options;

namespace AlexaLinkHub.Application.Admins;

/// <summary>Whether an admin must sign in with a second factor: a platform admin when
/// <c>AdminSecurity:RequireMfaForPlatformAdmins</c> says so, anyone who administers a tenant whose admins must use MFA.</summary>
public interface IAdminMfaPolicy
{
    Task<bool> IsRequiredAsync(AdminUser admin, CancellationToken cancellationToken);

    /// <summary>The identity of a session for <paramref name="admin"/>, with whether it must enrol a second factor first.</summary>
    async Task<AdminIdentity> IdentityAsync(AdminUser admin, CancellationToken cancellationToken) =>
        AdminIdentity.From(admin, !admin.HasMfa && await IsRequiredAsync(admin, cancellationToken));
}

internal sealed class AdminMfaPolicy(ITenantRepository tenants, IOptions<AdminSecurityOptions> options) : IAdminMfaPolicy
{
    public async Task<bool> IsRequiredAsync(AdminUser admin, CancellationToken cancellationToken)
    {
        if (admin.IsPlatformAdmin && options.Value.RequireMfaForPlatformAdmins == true)
            return true;
        var ids = admin.Memberships.Select(m => m.TenantId).ToList();
        return ids.Count > 0 && (await tenants.ListByIdsAsync(ids, cancellationToken)).Any(t => t.AdminsMustUseMfa);
    }
}
