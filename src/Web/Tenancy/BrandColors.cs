using System.Globalization;

namespace AlexaLinkHub.Web.Tenancy;

/// <summary>Picks black or white text for a background colour by WCAG relative luminance, so a vendor's colour choice
/// never makes a button unreadable.</summary>
public static class BrandColors
{
    public static string TextOn(string hexColor) => RelativeLuminance(hexColor) > 0.179 ? "#111111" : "#ffffff";

    /// <summary>WCAG 2.x relative luminance of a #rrggbb colour.</summary>
    public static double RelativeLuminance(string hexColor)
    {
        if (hexColor is not { Length: 7 } || hexColor[0] != '#')
            return 1;
        double Channel(int offset)
        {
            var c = int.Parse(hexColor.AsSpan(offset, 2), NumberStyles.HexNumber, CultureInfo.InvariantCulture) / 255.0;
            return c <= 0.03928 ? c / 12.92 : Math.Pow((c + 0.055) / 1.055, 2.4);
        }
        return (0.2126 * Channel(1)) + (0.7152 * Channel(3)) + (0.0722 * Channel(5));
    }

    /// <summary>WCAG contrast ratio between two colours (1 to 21).</summary>
    public static double ContrastRatio(string a, string b)
    {
        var (l1, l2) = (RelativeLuminance(a), RelativeLuminance(b));
        return (Math.Max(l1, l2) + 0.05) / (Math.Min(l1, l2) + 0.05);
    }
}
