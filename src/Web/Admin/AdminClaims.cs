namespace AlexaLinkHub.Web.Admin;

/// <summary>Claims of a signed-in admin (admin UI cookie).</summary>
public static class AdminClaims
{
    /// <summary>Present with the value <c>true</c> on a platform admin's principal.</summary>
    public const string PlatformAdmin = "alh:platform_admin";
}

/// <summary>Authentication schemes of the admin area.</summary>
public static class AdminAuthentication
{
    /// <summary>The admin UI's cookie scheme.</summary>
    public const string AdminCookie = "Admin";
}
