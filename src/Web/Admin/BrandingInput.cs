using System.Globalization;
using Microsoft.Extensions.Localization;
using AlexaLinkHub.Application.Tenants;
using AlexaLinkHub.Web.Tenancy;
using Microsoft.AspNetCore.WebUtilities;

namespace AlexaLinkHub.Web.Admin;

/// <summary>The branding editor's form, and what it tells the vendor about contrast (WCAG 2.x asks for 4.5:1 for text).</summary>
public sealed class BrandingInput
{
    public const double MinimumContrast = 4.5;

    public string? LogoUrl { get; set; }
    public string? PrimaryColor { get; set; }
    public string? BackgroundColor { get; set; }
    public string? SupportUrl { get; set; }
    public string? PrivacyUrl { get; set; }
    public string? FaviconUrl { get; set; }

    public static BrandingInput From(BrandingDto branding) => new()
    {
        LogoUrl = branding.LogoUrl,
        PrimaryColor = branding.PrimaryColor,
        BackgroundColor = branding.BackgroundColor,
        SupportUrl = branding.SupportUrl,
        PrivacyUrl = branding.PrivacyUrl,
        FaviconUrl = branding.FaviconUrl,
    };

    public UpdateTenantBranding ToCommand() => new()
    {
        LogoUrl = LogoUrl,
        PrimaryColor = PrimaryColor,
        BackgroundColor = BackgroundColor,
        SupportUrl = SupportUrl,
        PrivacyUrl = PrivacyUrl,
        FaviconUrl = FaviconUrl,
    };

    /// <summary>The preview page's address for this (validated) branding, in <paramref name="language"/>.</summary>
    public string PreviewUrl(string slug, string language) =>
        QueryHelpers.AddQueryString(PreviewPath(slug), [.. PreviewQuery(), new("culture", language)]);

    public static string PreviewPath(string slug) => $"{AdminPaths.Tenant(slug)}/branding/preview";

    /// <summary>The draft branding as the preview page's query (its empty values left out): the preview link and the
    /// preview's page and language picker carry the same draft.</summary>
    public IReadOnlyList<KeyValuePair<string, string?>> PreviewQuery() =>
    [
        .. new Dictionary<string, string?>
        {
            ["LogoUrl"] = LogoUrl,
            ["PrimaryColor"] = PrimaryColor,
            ["BackgroundColor"] = BackgroundColor,
            ["SupportUrl"] = SupportUrl,
            ["PrivacyUrl"] = PrivacyUrl,
        }.Where(p => !string.IsNullOrWhiteSpace(p.Value)),
    ];

    /// <summary>Where the tenant pages' colours would be hard to read. The pages put black or white text on each colour
    /// (whichever reads better, <see cref="BrandColors.TextOn"/>), and the primary colour also colours links and the
    /// tenant's name on the white card.</summary>
    public static IReadOnlyList<string> ContrastWarnings(BrandingDto branding, IStringLocalizer<SharedResource> text)
    {
        var warnings = new List<string>();
        var onButton = BrandColors.ContrastRatio(BrandColors.TextOn(branding.PrimaryColor), branding.PrimaryColor);
        if (onButton < MinimumContrast)
            warnings.Add(text["Console.ContrastButton", Ratio(onButton), Ratio(MinimumContrast)]);
        var onCard = BrandColors.ContrastRatio(branding.PrimaryColor, "#ffffff");
        if (onCard < MinimumContrast)
            warnings.Add(text["Console.ContrastCard", Ratio(onCard), Ratio(MinimumContrast)]);
        var onPage = BrandColors.ContrastRatio(BrandColors.TextOn(branding.BackgroundColor), branding.BackgroundColor);
        if (onPage < MinimumContrast)
            warnings.Add(text["Console.ContrastPage", Ratio(onPage), Ratio(MinimumContrast)]);
        return warnings;
    }

    private static string Ratio(double value) => value.ToString("0.0", CultureInfo.InvariantCulture) + ":1";
}
