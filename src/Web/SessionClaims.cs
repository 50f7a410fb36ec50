namespace AlexaLinkHub.Web;

/// <summary>The claims of our own sessions — the end-user cookie (<c>EndUser</c>), the admin cookie (<c>Admin</c>) and an
/// API key's principal — each name written once. What goes into an OAuth token is TokenClaims'. Anything that lets only
/// platform admins in (the background-job dashboard included) checks <see cref="PlatformAdmin"/>.</summary>
public static class SessionClaims
{
    /// <summary>A tenant the principal belongs to (end user) or administers (tenant API key; for an admin of the UI
    /// <c>{tenant id}:{role}</c>).</summary>
    public const string Tenant = "alh:tenant";

    /// <summary>A tenant API key's role there (admin or viewer).</summary>
    public const string Role = "alh:role";

    /// <summary>The security stamp a cookie was issued with: a changed password ends the session.</summary>
    public const string Stamp = "alh:stamp";

    /// <summary>The external provider (its name) an end user signed in with, for the <c>idp</c> of the links they make.</summary>
    public const string IdentityProvider = "alh:idp";

    /// <summary>An admin of the whole platform.</summary>
    public const string PlatformAdmin = "alh:platform_admin";

    /// <summary>When the admin last proved who they are (Unix seconds): sign-in with every factor, or a step-up.</summary>
    public const string VerifiedAt = "alh:verified_at";

    /// <summary>A second factor is required and the admin has none: every admin page but the security page sends them there.</summary>
    public const string MustEnrolMfa = "alh:must_enrol_mfa";

    /// <summary>The admin signs in with a second factor (a step-up asks for it rather than the password).</summary>
    public const string HasMfa = "alh:has_mfa";

    /// <summary>A platform-wide API key.</summary>
    public const string PlatformKey = "alh:platform";

    /// <summary>An API key's public prefix (its name in the audit trail).</summary>
    public const string KeyPrefix = "alh:key_prefix";
}
