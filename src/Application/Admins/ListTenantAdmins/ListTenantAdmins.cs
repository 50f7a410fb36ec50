using AlexaLinkHub.Application.Common.Interfaces;
using AlexaLinkHub.Application.Common.Tenancy;
using Mediator;

namespace AlexaLinkHub.Application.Admins;

/// <summary>The people who administer the tenant in scope, by email.</summary>
public sealed record ListTenantAdmins : IQuery<IReadOnlyList<TenantAdminDto>>, ITenantAdminRequest;

public sealed record TenantAdminDto(string Email, bool InvitationPending, bool Enabled, DateTimeOffset MemberSince);

public sealed class ListTenantAdminsHandler(IAdminUserRepository admins, ITenantContext scope) : IQueryHandler<ListTenantAdmins, IReadOnlyList<TenantAdminDto>>
{
    public async ValueTask<IReadOnlyList<TenantAdminDto>> Handle(ListTenantAdmins query, CancellationToken cancellationToken)
    {
        var tenantId = scope.RequiredTenantId;
        return (await admins.ListForTenantAsync(tenantId, cancellationToken))
            .Select(a => new TenantAdminDto(a.Email, a.IsInvitationPending, a.Enabled, a.Memberships.First(m => m.TenantId == tenantId).CreatedAt))
            .OrderBy(a => a.Email, StringComparer.OrdinalIgnoreCase)
            .ToList();
    }
}
