namespace AlexaLinkHub.SkillBackend;

/// <summary>Who the request's access token belongs to, from AlexaLinkHub's introspection answer.</summary>
/// <param name="Sub">The end user's id in AlexaLinkHub (<c>sub</c>; <c>data.userId</c> in webhooks).</param>
/// <param name="ExternalId">The vendor's own id of this user, when the vendor set one.</param>
public sealed record LinkedUser(
    string Sub,
    string? Email,
    string? Name,
    string? ExternalId,
    IReadOnlyList<string> Scopes,
    string ClientId,
    string? Tenant,
    DateTimeOffset? ExpiresAt)
{
    public bool HasScope(string scope) => Scopes.Contains(scope, StringComparer.Ordinal);
}

public enum NotLinkedReason
{
    /// <summary>The request carries no access token: the user never linked.</summary>
    NoToken,

    /// <summary>AlexaLinkHub no longer accepts the token (revoked, expired, unknown).</summary>
    Inactive,

    /// <summary>The token works but lacks a scope the intent needs.</summary>
    MissingScope,
}

public enum UnavailableReason
{
    Timeout,
    Network,
    ServerError,

    /// <summary>AlexaLinkHub refused the skill's client id or secret (401): this backend's configuration is wrong.</summary>
    ClientAuthentication,
    UnexpectedResponse,
}

/// <summary>What a token is worth right now: linked (with the user), not linked (why), or unknown because AlexaLinkHub
/// could not be asked.</summary>
public abstract record LinkState
{
    private LinkState()
    {
    }

    public sealed record Linked(LinkedUser User) : LinkState;

    public sealed record NotLinked(NotLinkedReason Reason) : LinkState;

    public sealed record Unavailable(AlexaLinkHubUnavailableException Error) : LinkState;

    internal static readonly NotLinked NoToken = new(NotLinkedReason.NoToken);
    internal static readonly NotLinked Inactive = new(NotLinkedReason.Inactive);
}
