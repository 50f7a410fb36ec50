namespace AlexaLinkHub.Application.Common.Tenancy;

/// <summary>The end-user pages of a tenant, relative to its prefix <c>/t/{slug}</c> — a public contract, like
/// <see cref="OAuth.OAuthEndpoints"/>: the Alexa app, emails and bookmarks point at them. Pages and links take their
/// address from here (an architecture test checks each page's route against it).</summary>
public static class TenantPaths
{
    public const string Login = "login";
    public const string SignUp = "signup";
    public const string ForgotPassword = "forgot-password";
    public const string ResetPassword = "reset-password";
    public const string ConfirmEmail = "confirm-email";
    public const string Account = "account";

    /// <summary>"Continue with …": <c>signin/{provider}</c> starts an external sign-in (a form post), and
    /// <c>signin/{provider}/callback</c> is the redirect URI the vendor registers at the provider.</summary>
    public const string ExternalStartRoute = "signin/{provider}";

    public const string ExternalCallbackRoute = "signin/{provider}/callback";

    public static string ExternalStart(string provider) => ExternalStartRoute.Replace("{provider}", provider, StringComparison.Ordinal);

    public static string ExternalCallback(string provider) => ExternalCallbackRoute.Replace("{provider}", provider, StringComparison.Ordinal);

    /// <summary>Every page, for the architecture test.</summary>
    public static readonly IReadOnlyList<string> All = [Login, SignUp, ForgotPassword, ResetPassword, ConfirmEmail, Account, ExternalStartRoute, ExternalCallbackRoute];
}
