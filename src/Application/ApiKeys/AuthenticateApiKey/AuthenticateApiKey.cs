using AlexaLinkHub.Application.Common.Interfaces;
using AlexaLinkHub.Application.Common.Security;
using AlexaLinkHub.Domain.Admins;
using Mediator;

namespace AlexaLinkHub.Application.ApiKeys;

/// <summary>Who holds this bearer key, or null when it is unknown or revoked.</summary>
public sealed record AuthenticateApiKey(string Key) : IQuery<ApiKeyIdentity?>, IPublicRequest;

public sealed record ApiKeyIdentity(Guid KeyId, string Prefix, Guid? TenantId, string Role)
{
    public bool IsPlatformKey => TenantId is null;
}

public sealed class AuthenticateApiKeyHandler(IApiKeyRepository keys) : IQueryHandler<AuthenticateApiKey, ApiKeyIdentity?>
{
    public async ValueTask<ApiKeyIdentity?> Handle(AuthenticateApiKey query, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(query.Key) || query.Key.Length > 200)
            return null;
        // The lookup is by SHA-256 of the presented key: an equality match on a hash reveals nothing about other keys.
        var key = await keys.FindByHashAsync(SecretTokens.Hash(query.Key), cancellationToken);
        return key is { IsActive: true } ? new ApiKeyIdentity(key.Id, key.Prefix, key.TenantId, key.Role.Name()) : null;
    }
}
