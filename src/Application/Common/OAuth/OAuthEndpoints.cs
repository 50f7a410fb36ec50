namespace AlexaLinkHub.Application.Common.OAuth;

/// <summary>The OAuth endpoints, relative to a tenant's prefix <c>/t/{slug}</c> (its issuer). A public contract.</summary>
public static class OAuthEndpoints
{
    public const string Authorization = "connect/authorize";
    public const string Token = "connect/token";
    public const string Introspection = "connect/introspect";
    public const string Revocation = "connect/revoke";
    public const string UserInfo = "connect/userinfo";
}
