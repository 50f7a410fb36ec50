using System.Text.RegularExpressions;
using AlexaLinkHub.Domain.Common;

namespace AlexaLinkHub.Domain.Tenants;

/// <summary>How a tenant's pages look. Only structured values are accepted (URLs, #rrggbb colours): never raw HTML or
/// CSS, so nothing a vendor types can inject markup or styles into an end user's login page.</summary>
public sealed partial record Branding
{
    public const string DefaultPrimaryColor = "#1f6feb";
    public const string DefaultBackgroundColor = "#ffffff";

    public static readonly Branding Default = new(null, DefaultPrimaryColor, DefaultBackgroundColor, null, null, null);

    private Branding(string? logoUrl, string primaryColor, string backgroundColor, string? supportUrl, string? privacyUrl, string? faviconUrl)
    {
        FaviconUrl = faviconUrl;
        LogoUrl = logoUrl;
        PrimaryColor = primaryColor;
        BackgroundColor = backgroundColor;
        SupportUrl = supportUrl;
        PrivacyUrl = privacyUrl;
    }

    public string? LogoUrl { get; }
    public string PrimaryColor { get; }
    public string BackgroundColor { get; }
    public string? SupportUrl { get; }
    public string? PrivacyUrl { get; }
    public string? FaviconUrl { get; }

    public static Branding Create(string? logoUrl, string? primaryColor, string? backgroundColor, string? supportUrl, string? privacyUrl, string? faviconUrl = null) =>
        new(
            WebUrl.OptionalHttps(logoUrl, "logoUrl"),
            Color(primaryColor, "primaryColor", DefaultPrimaryColor),
            Color(backgroundColor, "backgroundColor", DefaultBackgroundColor),
            WebUrl.OptionalHttps(supportUrl, "supportUrl"),
            WebUrl.OptionalHttps(privacyUrl, "privacyUrl"),
            WebUrl.OptionalHttps(faviconUrl, "faviconUrl"));

    private static string Color(string? value, string field, string fallback)
    {
        if (string.IsNullOrWhiteSpace(value))
            return fallback;
        var color = value.Trim().ToLowerInvariant();
        if (!ColorPattern().IsMatch(color))
            throw new DomainException($"{field} must be a colour like #1f6feb.", field);
        return color.Length == 4 ? $"#{color[1]}{color[1]}{color[2]}{color[2]}{color[3]}{color[3]}" : color;
    }

    [GeneratedRegex("^#(?:[0-9a-f]{3}|[0-9a-f]{6})$", RegexOptions.CultureInvariant)]
    private static partial Regex ColorPattern();
}
