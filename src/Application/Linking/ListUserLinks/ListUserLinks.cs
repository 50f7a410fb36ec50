using AlexaLinkHub.Application.Common.Exceptions;
using AlexaLinkHub.Application.Common.Interfaces;
using AlexaLinkHub.Application.Users;
using Mediator;

namespace AlexaLinkHub.Application.Linking;

/// <summary>An end user's links (newest first), each with its tokens — ids, type, status and expiry, never values — and
/// whether it is a console test link (<c>"test": true</c>).</summary>
public sealed record ListUserLinks(Guid UserId) : IQuery<IReadOnlyList<AccountLinkDto>>, ITenantAdminRequest;

public sealed record AccountLinkDto(
    Guid Id,
    string ClientId,
    IReadOnlyList<string> Scopes,
    DateTimeOffset LinkedAt,
    DateTimeOffset? RevokedAt,
    string? RevokedReason,
    IReadOnlyList<TokenInfo> Tokens,
    bool Test = false);

public sealed class ListUserLinksHandler(IEndUserRepository users, IAccountLinkRepository links, IOAuthGrants grants)
    : IQueryHandler<ListUserLinks, IReadOnlyList<AccountLinkDto>>
{
    public async ValueTask<IReadOnlyList<AccountLinkDto>> Handle(ListUserLinks query, CancellationToken cancellationToken)
    {
        _ = await users.FindByIdAsync(query.UserId, cancellationToken) ?? throw new NotFoundException("User not found.");
        var userLinks = await links.ListForUserAsync(query.UserId, cancellationToken);
        var tokens = (await grants.ListTokensAsync(userLinks.Select(l => l.GrantId).ToList(), cancellationToken)).ToLookup(t => t.GrantId);
        return userLinks
            .OrderByDescending(l => l.LinkedAt)
            .Select(l => new AccountLinkDto(l.Id, l.ClientId, l.Scopes, l.LinkedAt, l.RevokedAt, l.RevokedReason, tokens[l.GrantId].ToList(), l.IsTest))
            .ToList();
    }
}
