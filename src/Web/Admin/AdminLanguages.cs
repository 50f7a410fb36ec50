using System.Globalization;
using Microsoft.AspNetCore.Localization;

namespace AlexaLinkHub.Web.Admin;

/// <summary>The console speaks the tenant pages' nine languages. It follows Accept-Language until the admin picks one in
/// the switcher; that choice is a cookie scoped to <c>/admin</c>, so an end user's login page (which must follow the
/// Alexa app's Accept-Language) never sees it.</summary>
internal static class AdminLanguages
{
    public const string CookieName = ".alh.admin-lang";

    /// <summary>Culture name and the language's own name, as the switcher lists them.</summary>
    public static readonly IReadOnlyList<(string Culture, string Name)> Choices =
    [
        ("en", "English"), ("de", "Deutsch"), ("es", "Español"), ("fr", "Français"), ("it", "Italiano"),
        ("pt-BR", "Português (Brasil)"), ("ja", "日本語"), ("hi", "हिन्दी"), ("ar", "العربية"),
    ];

    public static bool IsChoice(string? culture) => Choices.Any(c => c.Culture == culture);

    public static CookieRequestCultureProvider CookieProvider() => new() { CookieName = CookieName };

    public static void Remember(HttpResponse response, string culture) =>
        response.Cookies.Append(CookieName, CookieRequestCultureProvider.MakeCookieValue(new RequestCulture(culture)), new CookieOptions
        {
            Path = AdminPaths.Root,
            HttpOnly = true,
            SameSite = SameSiteMode.Lax,
            Secure = response.HttpContext.Request.IsHttps,
            IsEssential = true,
            MaxAge = TimeSpan.FromDays(365),
        });

    /// <summary>The current UI culture's entry in <see cref="Choices"/> (de-AT → de).</summary>
    public static string Current()
    {
        for (var culture = CultureInfo.CurrentUICulture; culture.Name.Length > 0; culture = culture.Parent)
        {
            if (IsChoice(culture.Name))
                return culture.Name;
        }
        return "en";
    }
}
