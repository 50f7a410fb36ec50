namespace AlexaLinkHub.Web;

/// <summary>The claims of our own sessions — the end-user cookie (<c>EndUser</c>), the admin cookie (<c>Admin</c>) and an
/// API key's principal — each name written once. What goes into an OAuth token is TokenClaims'. Anything that lets only
/// platform admins in (the background-job dashboard included) checks <see cref="PlatformAdmin"/>.</summary>
public static class SessionClaims
{
    /// <summary>A tenant the principal belongs to (end user) or administers (admin, tenant API key).</summary>
    public const string Tenant = "alh:tenant";

    /// <summary>The security stamp a cookie was issued with: a changed password ends the session.</summary>
    public const string Stamp = "alh:stamp";

    /// <summary>An admin of the whole platform.</summary>
    public const string PlatformAdmin = "alh:platform_admin";

    /// <summary>A platform-wide API key.</summary>
    public const string PlatformKey = "alh:platform";

    /// <summary>An API key's public prefix (its name in the audit trail).</summary>
    public const string KeyPrefix = "alh:key_prefix";
}
