using AlexaLinkHub.Application.Common.Interfaces;
using AlexaLinkHub.Application.Users;
using Mediator;

namespace AlexaLinkHub.Application.Accounts;

/// <summary>The security stamp an end-user session is bound to. A session whose stamp no longer matches (password
/// changed or reset, account disabled) is over — on every instance, at the next request. Null: no such enabled user.</summary>
public sealed record GetEndUserSessionStamp(Guid UserId) : IQuery<string?>, ITenantPublicRequest;

public sealed class GetEndUserSessionStampHandler(IEndUserRepository users) : IQueryHandler<GetEndUserSessionStamp, string?>
{
    public async ValueTask<string?> Handle(GetEndUserSessionStamp query, CancellationToken cancellationToken) =>
        await users.FindByIdAsync(query.UserId, cancellationToken) is { Enabled: true } user ? user.SecurityStamp : null;
}
