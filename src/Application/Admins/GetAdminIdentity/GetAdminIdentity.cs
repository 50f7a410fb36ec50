using AlexaLinkHub.Application.Common.Interfaces;
using Mediator;

namespace AlexaLinkHub.Application.Admins;

/// <summary>The current rights of a signed-in admin, read fresh on each request of the admin UI: a disabled admin, a
/// changed password (security stamp) or a removed membership takes effect at once. Null when the session is no longer
/// valid. An admin who must use a second factor and has none is told to enrol one (<see cref="AdminIdentity.MustEnrolMfa"/>),
/// so a tenant turning the rule on reaches its admins' open sessions at their next request.</summary>
public sealed record GetAdminIdentity(Guid AdminId, string SecurityStamp) : IQuery<AdminIdentity?>, IAdminSignInRequest;

public sealed class GetAdminIdentityHandler(IAdminUserRepository admins, IAdminMfaPolicy mfa) : IQueryHandler<GetAdminIdentity, AdminIdentity?>
{
    public async ValueTask<AdminIdentity?> Handle(GetAdminIdentity query, CancellationToken cancellationToken)
    {
        var admin = await admins.FindByIdAsync(query.AdminId, cancellationToken);
        return admin is { Enabled: true } && string.Equals(admin.SecurityStamp, query.SecurityStamp, StringComparison.Ordinal)
            ? await mfa.IdentityAsync(admin, cancellationToken)
            : null;
    }
}
