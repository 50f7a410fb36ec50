using System.Text.RegularExpressions;
using AlexaLinkHub.Domain.Common;

namespace AlexaLinkHub.Domain.Tenants;

/// <summary>The URL-safe name of a tenant; it becomes the path prefix <c>/t/{slug}</c> and thereby the tenant's issuer.</summary>
public static partial class TenantSlug
{
    public const int MinLength = 3;
    public const int MaxLength = 40;

    /// <summary>Words that name (or may one day name) one of our own routes, or would confuse a reader of a URL.</summary>
    public static readonly IReadOnlySet<string> Reserved = new HashSet<string>(StringComparer.Ordinal)
    {
        "admin", "api", "t", "health", "openapi", "scalar", "connect", "well-known", "static", "assets", "css", "js",
        "img", "images", "login", "logout", "signin", "signout", "signup", "account", "accounts", "www", "root", "system",
        "platform", "jobs", "hangfire", "metrics", "status", "docs", "help", "support", "null", "undefined", "new",
        "settings", "auth", "oauth", "oidc", "token", "tokens", "authorize", "userinfo", "introspect", "revoke",
        "alexalinkhub", "favicon-ico", "robots-txt",
    };

    public static string Validate(string? value)
    {
        var slug = value?.Trim() ?? string.Empty;
        if (slug.Length is < MinLength or > MaxLength)
            throw new DomainException($"The slug must be {MinLength} to {MaxLength} characters long.", "slug");
        if (!Pattern().IsMatch(slug))
            throw new DomainException("The slug may contain only lowercase letters a-z, digits and '-', and must not start or end with '-'.", "slug");
        if (Reserved.Contains(slug))
            throw new DomainException($"The slug '{slug}' is reserved.", "slug");
        return slug;
    }

    public static bool IsValid(string? value)
    {
        try
        {
            Validate(value);
            return true;
        }
        catch (DomainException)
        {
            return false;
        }
    }

    [GeneratedRegex("^[a-z0-9](?:[a-z0-9-]*[a-z0-9])?$", RegexOptions.CultureInvariant)]
    private static partial Regex Pattern();
}
