using AlexaLinkHub.Application.Common.Interfaces;
using Mediator;
using Microsoft.Extensions.Options;

namespace AlexaLinkHub.Application.Admins;

/// <summary>Whom a password-reset link is for, so the page can say so; null when the link is not (or no longer) valid.</summary>
public sealed record GetAdminPasswordReset(string Token) : IQuery<AdminInvitation?>, IPublicRequest;

public sealed class GetAdminPasswordResetHandler(IAdminUserRepository admins, IAdminTokens tokens, IOptions<AdminSignInOptions> options, TimeProvider clock)
    : IQueryHandler<GetAdminPasswordReset, AdminInvitation?>
{
    public async ValueTask<AdminInvitation?> Handle(GetAdminPasswordReset query, CancellationToken cancellationToken)
    {
        var admin = await AdminTokenCheck.AdminForAsync(tokens.ReadPasswordReset, admins, clock, options.Value.PasswordResetLifetime, query.Token, cancellationToken);
        return admin is null ? null : new AdminInvitation(admin.Email);
    }
}
