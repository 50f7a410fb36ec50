namespace AlexaLinkHub.Web.BrowserTests.Support;

/// <summary>What a test arranged: a tenant, its skill and an end user, and the authorization request the Alexa app
/// would open for them.</summary>
public sealed record BrowserLinkSetup(
    Uri BaseUrl,
    string Slug,
    string TenantName,
    string SkillName,
    IReadOnlyList<(string Name, string Description)> Scopes,
    string ClientId,
    string ClientSecret,
    string AuthorizationUri,
    string Email,
    string Password,
    Guid UserId)
{
    public const string AmazonOrigin = "https://pitangui.amazon.com";

    /// <summary>The redirect URL the Alexa console shows a vendor (its query must survive the redirect).</summary>
    public const string AlexaRedirectUrl = AmazonOrigin + "/spa/skill/account-linking-status.html?vendorId=M2AAAAAAAAAAAA";

    /// <summary>The URL the Alexa app opens: the skill's <c>authorizationUri</c> (as the admin API reported it) with the
    /// implicit grant's parameters.</summary>
    public string AuthorizeUrl(string state, string? clientId = null, IEnumerable<string>? scopes = null)
    {
        var parameters = new Dictionary<string, string>
        {
            ["state"] = state,
            ["client_id"] = clientId ?? ClientId,
            ["scope"] = string.Join(' ', scopes ?? Scopes.Select(s => s.Name)),
            ["response_type"] = "token",
            ["redirect_uri"] = AlexaRedirectUrl,
        };
        return AuthorizationUri + "?" + string.Join('&', parameters.Select(p => $"{p.Key}={Uri.EscapeDataString(p.Value)}"));
    }

    public string LoginPath => $"/t/{Slug}/login";

    /// <summary>An Alexa-like state: opaque, long, with characters that need escaping in a URL.</summary>
    public static string NewState() => $"Alexa+/={Guid.NewGuid():N}~_-.&ü";
}
