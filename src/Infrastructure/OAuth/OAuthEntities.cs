using AlexaLinkHub.Domain.Common;
using AlexaLinkHub.Domain.Skills;
using OpenIddict.EntityFrameworkCore.Models;

namespace AlexaLinkHub.Infrastructure.OAuth;

// OpenIddict's grants, tokens and scopes are each owned by a tenant: the tenant query filter makes a token issued under
// A invisible under B (a client is its skill, tenant-filtered likewise). OpenIddict never sets TenantId; the
// TenantGuardInterceptor stamps it from the tenant in scope when OpenIddict adds a row.

/// <summary>A skill as OpenIddict's client. Not a row of its own: EF maps only its key, onto the skill's own row in
/// <c>Skills</c> (table splitting), so the ApplicationId of a grant or a token is the skill's id. Everything else
/// OpenIddict asks about a client, <see cref="SkillApplicationStore"/> answers from the attached <see cref="Skill"/>, which
/// it reads through the tenant filter (a client of another tenant is unknown).</summary>
public sealed class OAuthApplication : OpenIddictEntityFrameworkCoreApplication<Guid, OAuthAuthorization, OAuthToken>
{
    /// <summary>The skill this client is; attached by the store, not mapped.</summary>
    public Skill? Skill { get; private set; }

    internal static OAuthApplication Of(Skill skill) => new() { Id = skill.Id, Skill = skill };

    internal OAuthApplication Attach(Skill skill)
    {
        Skill = skill;
        return this;
    }
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

    /// <summary>The subject as the user's key (OpenIddict keeps it as text), set by <see cref="TokenStore"/> when the
    /// token is stored: the read that finds a token can then bring its user along by primary key.</summary>
    public Guid? UserId { get; set; }
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
