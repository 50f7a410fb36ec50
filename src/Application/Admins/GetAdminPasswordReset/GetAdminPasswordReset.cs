using AlexaLinkHub.Application.Common.Interfaces;
using Mediator;

namespace AlexaLinkHub.Application.Admins;

/// <summary>Whom a password-reset link is for, so the page can say so; null when the link is not (or no longer) valid.</summary>
public sealed record GetAdminPasswordReset(string Token) : IQuery<AdminInvitation?>, IPublicRequest;

public sealed class GetAdminPasswordResetHandler(AdminTokenCheck links)
    : IQueryHandler<GetAdminPasswordReset, AdminInvitation?>
{
    public async ValueTask<AdminInvitation?> Handle(GetAdminPasswordReset query, CancellationToken cancellationToken)
    {
        var admin = await links.ResettingAsync(query.Token, cancellationToken);
        return admin is null ? null : new AdminInvitation(admin.Email);
    }
}
