using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Unicode;
using AlexaLinkHub.Application.Accounts;
using AlexaLinkHub.Application.Common.OAuth;
using AlexaLinkHub.Infrastructure.OAuth;
using AlexaLinkHub.Web.Email;
using AlexaLinkHub.Web.ErrorMapping;
using AlexaLinkHub.Web.OAuth;
using AlexaLinkHub.Web.Pages.Tenant;
using AlexaLinkHub.Web.RateLimiting;
using Microsoft.AspNetCore.Localization;
using Microsoft.Extensions.WebEncoders;

namespace AlexaLinkHub.Web.Tenancy;

/// <summary>The end-user side: tenant resolution, branded pages, their language and their security headers.</summary>
internal static class TenantPagesSetup
{
    /// <summary>Languages of the tenant pages. The Alexa app sends Accept-Language; the page follows it, falling back
    /// from a regional culture to its language (de-AT → de) and finally to en-US.</summary>
    public static readonly string[] SupportedCultures =
        ["en-US", "en-GB", "en", "de-DE", "de", "fr-FR", "fr", "es-ES", "es", "it-IT", "it", "ja-JP", "ja", "pt-BR", "pt", "hi-IN", "hi", "ar", "ar-SA"];

    /// <summary>Rate limit of the forms that create accounts or send emails (sign-up, forgot password).</summary>
    public const string AccountFormsPolicy = "account-forms";

    public static IServiceCollection AddTenantPages(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddRateLimits(configuration);
        services.AddScoped<IAccountEmails, AccountEmails>();
        services.AddHttpContextAccessor();
        services.AddScoped<Application.Linking.IAuthorizationResponse, OpenIddictAuthorizationResponse>();
        services.AddLocalization(options => options.ResourcesPath = "Resources");
        // Razor's default encoder passes Basic Latin only: a Japanese or Arabic page would be sent as &#x…; references,
        // several times its size. Every script is safe as text; markup characters are still encoded.
        services.Configure<WebEncoderOptions>(options => options.TextEncoderSettings = new TextEncoderSettings(UnicodeRanges.All));
        services.AddRazorPages(options =>
                options.Conventions.AddFolderApplicationModelConvention("/Tenant", model => model.Filters.Add(new TenantRequiredFilter())))
            .AddMvcOptions(options => options.Filters.Add(new PageErrorFilter()))
            .AddViewLocalization();
        services.Configure<RequestLocalizationOptions>(options =>
        {
            var cultures = SupportedCultures.Select(CultureInfo.GetCultureInfo).ToList();
            options.DefaultRequestCulture = new RequestCulture("en-US");
            options.SupportedCultures = cultures;
            options.SupportedUICultures = cultures;
            options.FallBackToParentCultures = true;
            options.FallBackToParentUICultures = true;
            // Accept-Language first (Alexa's guidance); ?culture= only helps a human test a language. The console's
            // language cookie is scoped to /admin, so it never reaches a tenant page.
            options.RequestCultureProviders =
                [Admin.AdminLanguages.CookieProvider(), new AcceptLanguageHeaderRequestCultureProvider(), new QueryStringRequestCultureProvider()];
        });
        services.AddScoped<EndUserSessionEvents>();
        services.AddScoped<EndUserSessions>();
        services.AddScoped<LinkFlow>();
        services.AddSingleton<TenantSites>();
        services.AddScoped<ExternalSignInCookies>();
        services.AddAuthentication().AddCookie(EndUserSession.Scheme, EndUserSession.Configure);
        services.AddAntiforgery(options =>
        {
            options.Cookie.Name = ".alh.af";
            options.Cookie.SameSite = SameSiteMode.Lax;
            options.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
            options.FormFieldName = "__RequestVerificationToken";
        });
        return services;
    }

    /// <summary>Runs before routing and authentication: the tenant prefix must already be the PathBase when they run.</summary>
    public static WebApplication UseTenantResolution(this WebApplication app)
    {
        app.UseMiddleware<TenantResolutionMiddleware>();
        app.UseTokenFastPath();
        // The JSON endpoints (token, introspection, revocation, userinfo, discovery) are no pages: no static files,
        // page headers or language.
        app.UseWhen(context => !IsJsonEndpoint(context), pages =>
        {
            pages.UseStaticFiles();
            pages.UseMiddleware<TenantPageSecurityMiddleware>();
            pages.UseRequestLocalization();
        });
        return app;
    }

    private static readonly PathString[] s_jsonEndpoints =
        [.. new[] { OAuthEndpoints.Token, OAuthEndpoints.Introspection, OAuthEndpoints.Revocation, OAuthEndpoints.UserInfo }.Select(e => new PathString("/" + e))];

    private static bool IsJsonEndpoint(HttpContext context)
    {
        if (context.Tenant() is null)
            return false;
        var path = context.Request.Path;
        return path.StartsWithSegments("/.well-known") || Array.Exists(s_jsonEndpoints, e => path.Equals(e, StringComparison.OrdinalIgnoreCase));
    }

    public static WebApplication MapTenantPages(this WebApplication app)
    {
        app.MapRazorPages();
        app.MapUserInfo();
        return app;
    }
}
