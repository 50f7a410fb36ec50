namespace AlexaLinkHub.Web;

/// <summary>Claims of the admin UI's session (authentication scheme "Admin"). Anything that lets only platform admins in
/// (the background-job dashboard included) checks <see cref="PlatformAdmin"/>.</summary>
public static class AdminClaims
{
    public const string PlatformAdmin = "alh:platform_admin";
}
