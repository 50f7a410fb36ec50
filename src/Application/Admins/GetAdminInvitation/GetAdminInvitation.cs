using AlexaLinkHub.Application.Common.Interfaces;
using Mediator;

namespace AlexaLinkHub.Application.Admins;

/// <summary>Whom an invitation link is for, so the page can greet them; null when the link is not (or no longer) valid.</summary>
public sealed record GetAdminInvitation(string Token) : IQuery<AdminInvitation?>, IPublicRequest;

public sealed record AdminInvitation(string Email);

public sealed class GetAdminInvitationHandler(AdminTokenCheck links)
    : IQueryHandler<GetAdminInvitation, AdminInvitation?>
{
    public async ValueTask<AdminInvitation?> Handle(GetAdminInvitation query, CancellationToken cancellationToken)
    {
        var admin = await links.InvitedAsync(query.Token, cancellationToken);
        return admin is null ? null : new AdminInvitation(admin.Email);
    }
}
