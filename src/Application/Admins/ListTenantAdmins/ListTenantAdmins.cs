using AlexaLinkHub.Application.Common.Interfaces;
using AlexaLinkHub.Application.Common.Tenancy;
using AlexaLinkHub.Domain.Admins;
using Mediator;

namespace AlexaLinkHub.Application.Admins;

/// <summary>The people who administer the tenant in scope, by email, with their role there and whether their membership
/// is enabled (an owner disables it without touching the admin's other tenants).</summary>
public sealed record ListTenantAdmins : IQuery<IReadOnlyList<TenantAdminDto>>, ITenantAdminRequest;

public sealed record TenantAdminDto(Guid Id, string Email, string Role, bool InvitationPending, bool Enabled, DateTimeOffset MemberSince, bool HasMfa);

public sealed class ListTenantAdminsHandler(IAdminUserRepository admins, ITenantContext scope) : IQueryHandler<ListTenantAdmins, IReadOnlyList<TenantAdminDto>>
{
    public async ValueTask<IReadOnlyList<TenantAdminDto>> Handle(ListTenantAdmins query, CancellationToken cancellationToken)
    {
        var tenantId = scope.RequiredTenantId;
        return (await admins.ListForTenantAsync(tenantId, cancellationToken))
            .Select(a => (Admin: a, Membership: a.MembershipOf(tenantId)!))
            .Select(m => new TenantAdminDto(m.Admin.Id, m.Admin.Email, m.Membership.Role.Name(), m.Admin.IsInvitationPending,
                m.Admin.Enabled && m.Membership.Enabled, m.Membership.CreatedAt, m.Admin.HasMfa))
            .OrderBy(a => a.Email, StringComparer.OrdinalIgnoreCase)
            .ToList();
    }
}
