namespace AlexaLinkHub.Web;

/// <summary>Claims of the admin UI's session (authentication scheme "Admin"). Anything that lets only platform admins in
/// (the background-job dashboard included) checks <see cref="PlatformAdmin"/>.</summary>
public static class AdminClaims
{
    public const string PlatformAdmin = "alh:platform_admin";

    /// <summary>A second factor is required and the admin has none: every admin page but the security page sends them there.</summary>
    public const string MustEnrolMfa = "alh:must_enrol_mfa";

    /// <summary>The admin signs in with a second factor (a step-up asks for it rather than the password).</summary>
    public const string HasMfa = "alh:has_mfa";
}
