using AlexaLinkHub.Application.Common.Exceptions;
using AlexaLinkHub.Application.Common.Tenancy;
using AlexaLinkHub.Domain.Admins;

namespace AlexaLinkHub.Application.Admins;

/// <summary>The team of the tenant in scope and one member of it, for the use cases that change the team
/// (<see cref="ChangeAdminRole"/>, <see cref="DisableTenantAdmin"/>, <see cref="EnableTenantAdmin"/>,
/// <see cref="RemoveTenantAdmin"/>): someone not on the team is "not found".</summary>
public sealed class TenantTeams(IAdminUserRepository admins, ITenantContext scope)
{
    public async Task<(TenantTeam Team, AdminUser Member)> MemberAsync(Guid adminId, CancellationToken cancellationToken)
    {
        var team = new TenantTeam(scope.RequiredTenantId, await admins.ListTeamAsync(scope.RequiredTenantId, cancellationToken));
        return (team, team.Find(adminId) ?? throw new NotFoundException("Admin not found."));
    }
}
