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

    // External sign-in (docs/decisions/013).
    public const string ExternalAccessDenied = "external_access_denied";
    public const string ExternalProviderError = "external_provider_error";
    public const string ExternalBadState = "external_bad_state";
    public const string ExternalUnreachable = "external_unreachable";
    public const string ExternalInvalidToken = "external_invalid_token";
    public const string ExternalBadNonce = "external_bad_nonce";
    public const string ExternalNoEmail = "external_no_email";
    public const string ExternalSignUpDisabled = "external_sign_up_disabled";
    public const string ExternalEmailUnverified = "external_email_unverified";
    public const string ExternalUnknownProvider = "external_unknown_provider";
}
