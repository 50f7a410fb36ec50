namespace AlexaLinkHub.Application.Linking;

/// <summary>Why a link attempt failed, as recorded (never with the credentials typed).</summary>
public static class LinkFailureReasons
{
    public const string BadCredentials = "bad_credentials";
    public const string LockedOut = "locked_out";
    public const string AccountDisabled = "account_disabled";
    public const string AccessDenied = "access_denied";
    public const string InvalidRequest = "invalid_request";
    public const string LegacyUnavailable = "legacy_unavailable";
}
