using AlexaLinkHub.Domain.Admins;

namespace AlexaLinkHub.Application.ApiKeys;

/// <summary>A key as listed. <see cref="Role"/>: <c>admin</c> or <c>viewer</c> (reads only).</summary>
public sealed record ApiKeyDto(Guid Id, string Name, string Prefix, string Role, bool Active, DateTimeOffset CreatedAt, DateTimeOffset? RevokedAt, DateTimeOffset? LastUsedAt)
{
    public static ApiKeyDto From(ApiKey key) => new(key.Id, key.Name, key.Prefix, key.Role.Name(), key.IsActive, key.CreatedAt, key.RevokedAt, key.LastUsedAt);
}

/// <summary>A new key: <see cref="Key"/> is shown this once and never again.</summary>
public sealed record CreatedApiKeyDto(Guid Id, string Name, string Prefix, string Role, string Key, DateTimeOffset CreatedAt);
