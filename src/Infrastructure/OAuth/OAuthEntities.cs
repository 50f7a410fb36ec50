using AlexaLinkHub.Domain.Common;
using OpenIddict.EntityFrameworkCore.Models;

namespace AlexaLinkHub.Infrastructure.OAuth;

// OpenIddict's entities, each owned by a tenant: the tenant query filter makes a client of tenant A unknown under
// /t/B and a token issued under A invisible under B. OpenIddict never sets TenantId; the TenantGuardInterceptor stamps it
// from the tenant in scope when OpenIddict adds a row.

/// <summary>The OAuth client registration of a skill, kept in step with it by <see cref="OAuthClientRegistry"/>.</summary>
public sealed class OAuthApplication : OpenIddictEntityFrameworkCoreApplication<Guid, OAuthAuthorization, OAuthToken>, ITenantOwned
{
    public Guid TenantId { get; set; }

    /// <summary>A disabled skill is an unknown client.</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>SHA-256 of the secret before the last rotation, accepted until <see cref="PreviousClientSecretValidUntil"/>.</summary>
    public string? PreviousClientSecret { get; set; }
    public DateTimeOffset? PreviousClientSecretValidUntil { get; set; }
}

/// <summary>A grant: one account link's authorization; its tokens hang off it.</summary>
public sealed class OAuthAuthorization : OpenIddictEntityFrameworkCoreAuthorization<Guid, OAuthApplication, OAuthToken>, ITenantOwned
{
    public Guid TenantId { get; set; }
}

/// <summary>Unused (scopes are per skill, stored as client permissions) but required by OpenIddict's model.</summary>
public sealed class OAuthScope : OpenIddictEntityFrameworkCoreScope<Guid>, ITenantOwned
{
    public Guid TenantId { get; set; }
}

/// <summary>A token; reference tokens are stored with a SHA-256 of their value as ReferenceId, never the value.</summary>
public sealed class OAuthToken : OpenIddictEntityFrameworkCoreToken<Guid, OAuthApplication, OAuthAuthorization>, ITenantOwned
{
    public Guid TenantId { get; set; }
}

/// <summary>The server's keys, generated into the database and shared by every instance: RSA signing keys (PKCS#8), one
/// per <see cref="Generation"/> (rotation adds one), and one 256-bit AES encryption key, each stored protected by
/// ASP.NET Core data protection (whose key ring is in the same database).</summary>
[GlobalEntity("The OAuth server's keys are the platform's, shared by all tenants (each tenant's issuer differs).")]
public sealed class ServerKey
{
    public const string Signing = "sig";
    public const string Encryption = "enc";

    public int Id { get; set; }
    public string Use { get; set; } = string.Empty;

    /// <summary>1 for the first key of its use, then one more for each rotation (unique per use: two instances cannot
    /// both add the same generation).</summary>
    public int Generation { get; set; } = 1;
    public string ProtectedPrivateKey { get; set; } = string.Empty;
    public DateTimeOffset CreatedAt { get; set; }

    /// <summary>A signing key is published from <see cref="CreatedAt"/> and signs from here on.</summary>
    public DateTimeOffset ActivatesAt { get; set; }

    public string KeyId => $"{Use}-{Id}";
}
