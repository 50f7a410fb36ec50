using AlexaLinkHub.Application.Common.Interfaces;
using AlexaLinkHub.Application.Common.Tenancy;
using Mediator;

namespace AlexaLinkHub.Application.Admins;

/// <summary>The people who administer the tenant in scope, by email.</summary>
public sealed record ListTenantAdmins : IQuery<IReadOnlyList<TenantAdminDto>>, ITenantAdminRequest;

public sealed record TenantAdminDto(Guid Id, string Email, bool InvitationPending, bool Enabled, DateTimeOffset MemberSince, bool HasMfa);

public sealed class ListTenantAdminsHandler(IAdminUserRepository admins, ITenantContext scope) : IQueryHandler<ListTenantAdmins, IReadOnlyList<TenantAdminDto>>
{
    public async ValueTask<IReadOnlyList<TenantAdminDto>> Handle(ListTenantAdmins query, CancellationToken cancellationToken)
    {
        var tenantId = scope.RequiredTenantId;
        return (await admins.ListForTenantAsync(tenantId, cancellationToken))
            .Select(a => new TenantAdminDto(a.Id, a.Email, a.IsInvitationPending, a.Enabled, a.Memberships.First(m => m.TenantId == tenantId).CreatedAt, a.HasMfa))
            .OrderBy(a => a.Email, StringComparer.OrdinalIgnoreCase)
            .ToList();
    }
}
