namespace AlexaLinkHub.Web.Admin;

/// <summary>The admin area's addresses (a public contract of the UI: bookmarks and emails point at them).</summary>
public static class AdminPaths
{
    public const string Root = "/admin";
    public const string Login = "/admin/login";
    public const string Logout = "/admin/logout";
    public const string SignUp = "/admin/signup";
    public const string ForgotPassword = "/admin/forgot-password";
    public const string ResetPassword = "/admin/reset-password";
    public const string Tenants = "/admin/tenants";
    public const string LoginVerify = "/admin/login/verify";
    public const string Security = "/admin/account/security";
    public const string StepUp = "/admin/account/step-up";

    public static string Tenant(string slug) => $"/admin/t/{Uri.EscapeDataString(slug)}";

    public static string PlatformTenant(string slug) => $"/admin/tenants/{Uri.EscapeDataString(slug)}";

    public static string Skill(string slug, string clientId) => $"{Tenant(slug)}/skills/{Uri.EscapeDataString(clientId)}";

    public static string User(string slug, Guid id) => $"{Tenant(slug)}/users/{id}";

    public static string UserImports(string slug) => $"{Tenant(slug)}/users/import";

    public static string UserImport(string slug, Guid id) => $"{Tenant(slug)}/users/imports/{id}";

    public static string Webhooks(string slug) => $"{Tenant(slug)}/webhooks";

    public static string Webhook(string slug, Guid id) => $"{Webhooks(slug)}/{id}";

    public static string LegacySignIn(string slug) => $"{Tenant(slug)}/legacy-sign-in";

    /// <summary>A return URL we follow after sign-in: inside the admin area, never elsewhere.</summary>
    public static string? SafeReturnUrl(string? returnUrl) =>
        returnUrl is { Length: > 0 and < 2048 }
        && (returnUrl == Root || returnUrl.StartsWith(Root + "/", StringComparison.Ordinal) || returnUrl.StartsWith(Root + "?", StringComparison.Ordinal))
        && !returnUrl.Contains('\\') && !returnUrl.StartsWith("//", StringComparison.Ordinal)
            ? returnUrl
            : null;
}
