using AlexaLinkHub.Domain.Common;

namespace AlexaLinkHub.Domain.Tenants;

/// <summary>A tenant's own words on its pages in one language: the login heading, the help under it and a support
/// message. Plain text only (no markup, no control characters), length-limited; the pages escape it like any text.
/// A field left out falls back to the tenant's English one, then to the built-in text.</summary>
public sealed class BrandingText
{
    public const int LoginHeadingMaxLength = 80;
    public const int LoginHelpMaxLength = 300;
    public const int SupportMessageMaxLength = 500;
    public const string FallbackLanguage = "en";

    /// <summary>The languages of the tenant pages (their resource files), by their culture names.</summary>
    public static readonly IReadOnlyList<string> Languages = ["en", "de", "es", "fr", "it", "pt-BR", "ja", "hi", "ar"];

    /// <summary>The language of <see cref="Languages"/> a page in culture <paramref name="cultureName"/> shows ("de-AT" →
    /// "de", "pt-BR" → "pt-BR"); the fallback language when none fits.</summary>
    public static string LanguageFor(string? cultureName)
    {
        for (var name = cultureName ?? string.Empty; name.Length > 0; name = name.Contains('-') ? name[..name.LastIndexOf('-')] : string.Empty)
        {
            var known = Languages.FirstOrDefault(l => string.Equals(l, name, StringComparison.OrdinalIgnoreCase));
            if (known is not null)
                return known;
        }
        return FallbackLanguage;
    }

    private BrandingText()
    {
        Language = null!;
    }

    public string Language { get; private set; }
    public string? LoginHeading { get; private set; }
    public string? LoginHelp { get; private set; }
    public string? SupportMessage { get; private set; }

    public bool IsEmpty => LoginHeading is null && LoginHelp is null && SupportMessage is null;

    /// <summary>Blank fields are left out (they fall back).</summary>
    public static BrandingText Create(string? language, string? loginHeading, string? loginHelp, string? supportMessage)
    {
        var known = Languages.FirstOrDefault(l => string.Equals(l, language?.Trim(), StringComparison.OrdinalIgnoreCase))
            ?? throw new DomainException($"texts: '{language}' is not a language of the login pages ({string.Join(", ", Languages)}).", "texts");
        var prefix = $"texts.{known}.";
        return new BrandingText
        {
            Language = known,
            LoginHeading = Optional(loginHeading, "Login heading", prefix + "loginHeading", LoginHeadingMaxLength),
            LoginHelp = Optional(loginHelp, "Login help", prefix + "loginHelp", LoginHelpMaxLength),
            SupportMessage = Optional(supportMessage, "Support message", prefix + "supportMessage", SupportMessageMaxLength),
        };
    }

    private static string? Optional(string? value, string field, string key, int maxLength) =>
        string.IsNullOrWhiteSpace(value) ? null : Guard.Text(value, field, maxLength, key: key);
}
