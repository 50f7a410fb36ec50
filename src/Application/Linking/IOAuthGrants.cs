namespace AlexaLinkHub.Application.Linking;

/// <summary>The OAuth server's side of a link: the grant (authorization) a link's tokens hang off, and its tokens.</summary>
public interface IOAuthGrants
{
    /// <summary>Creates the grant for a new link of the user to the skill, with the granted scopes. Returns its id.</summary>
    Task<string> CreateGrantAsync(Guid skillId, Guid userId, IReadOnlyCollection<string> scopes, CancellationToken cancellationToken);

    /// <summary>Revokes the grants and every token issued under them, at once.</summary>
    Task RevokeGrantsAsync(IReadOnlyCollection<string> grantIds, CancellationToken cancellationToken);

    /// <summary>Deletes the grants and their tokens outright (their stored payloads name the user): for erasure.</summary>
    Task DeleteGrantsAsync(IReadOnlyCollection<string> grantIds, CancellationToken cancellationToken);

    Task<IReadOnlyList<TokenInfo>> ListTokensAsync(IReadOnlyCollection<string> grantIds, CancellationToken cancellationToken);

    /// <summary>The grant a token belongs to, or null when the token is unknown in the tenant in scope.</summary>
    Task<string?> FindGrantOfTokenAsync(string tokenId, CancellationToken cancellationToken);
}

/// <summary>The OAuth server's answer to the authorization request in flight: the link's token (implicit grant) or code
/// (code grant), issued under its grant and sent to the client's redirect URI. It runs inside <see cref="LinkAccount"/>'s
/// transaction, so the token is stored with the link or, if issuing fails, neither is.</summary>
public interface IAuthorizationResponse
{
    Task IssueAsync(LinkResult link, CancellationToken cancellationToken);
}

/// <summary>A token as an admin sees it: never its value.</summary>
public sealed record TokenInfo(string Id, string GrantId, string Type, string Status, DateTimeOffset? CreatedAt, DateTimeOffset? ExpiresAt);
