using AlexaLinkHub.Domain.Admins;

namespace AlexaLinkHub.Application.ApiKeys;

public sealed record ApiKeyDto(Guid Id, string Name, string Prefix, bool Active, DateTimeOffset CreatedAt, DateTimeOffset? RevokedAt, DateTimeOffset? LastUsedAt)
{
    public static ApiKeyDto From(ApiKey key) => new(key.Id, key.Name, key.Prefix, key.IsActive, key.CreatedAt, key.RevokedAt, key.LastUsedAt);
}

/// <summary>A new key: <see cref="Key"/> is shown this once and never again.</summary>
public sealed record CreatedApiKeyDto(Guid Id, string Name, string Prefix, string Key, DateTimeOffset CreatedAt);
