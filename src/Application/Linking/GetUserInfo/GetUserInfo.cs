using AlexaLinkHub.Application.Common.Interfaces;
using AlexaLinkHub.Application.Common.Tenancy;
using AlexaLinkHub.Application.Users;
using Mediator;

namespace AlexaLinkHub.Application.Linking;

/// <summary>Who the bearer of a valid access token is, for the skill backend (the userinfo endpoint). Read fresh from the
/// database, so a renamed user is seen at once. Null when the user no longer exists or is disabled.</summary>
public sealed record GetUserInfo(Guid UserId, IReadOnlyList<string> Scopes) : IQuery<UserInfo?>, ITenantPublicRequest;

public sealed record UserInfo(string Sub, string Email, string Name, string? ExternalId, string Tenant, IReadOnlyList<string> Scopes);

public sealed class GetUserInfoHandler(IEndUserRepository users, ITenantContext scope) : IQueryHandler<GetUserInfo, UserInfo?>
{
    public async ValueTask<UserInfo?> Handle(GetUserInfo query, CancellationToken cancellationToken)
    {
        var user = await users.FindByIdAsync(query.UserId, cancellationToken);
        return user is not { Enabled: true }
            ? null
            : new UserInfo(user.Id.ToString(), user.Email, user.DisplayName, user.ExternalId, scope.TenantSlug!, query.Scopes);
    }
}
