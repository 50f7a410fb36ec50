using AlexaLinkHub.Application.Common.Interfaces;
using Mediator;

namespace AlexaLinkHub.Application.Admins;

/// <summary>The current rights of a signed-in admin, read fresh on each request of the admin UI: a disabled admin, a
/// changed password (security stamp) or a removed membership takes effect at once. Null when the session is no longer
/// valid.</summary>
public sealed record GetAdminIdentity(Guid AdminId, string SecurityStamp) : IQuery<AdminIdentity?>, IPublicRequest;

public sealed class GetAdminIdentityHandler(IAdminUserRepository admins) : IQueryHandler<GetAdminIdentity, AdminIdentity?>
{
    public async ValueTask<AdminIdentity?> Handle(GetAdminIdentity query, CancellationToken cancellationToken)
    {
        var admin = await admins.FindByIdAsync(query.AdminId, cancellationToken);
        return admin is { Enabled: true } && string.Equals(admin.SecurityStamp, query.SecurityStamp, StringComparison.Ordinal)
            ? AdminIdentity.From(admin)
            : null;
    }
}
