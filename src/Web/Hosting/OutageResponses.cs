using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Unicode;
using System.Security.Cryptography;
using AlexaLinkHub.Application.Common.OAuth;
using AlexaLinkHub.Infrastructure.Persistence;
using AlexaLinkHub.Web.Tenancy;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;
using Microsoft.Net.Http.Headers;

namespace AlexaLinkHub.Web.Hosting;

/// <summary>The failure contract of an outage (<see cref="DependencyOutage"/>: the database down, restarting, out of
/// connections): <c>503</c> with <c>Retry-After</c>, never a 500 — the OAuth endpoints answer JSON in RFC 6749's error
/// shape (<c>temporarily_unavailable</c>, §4.1.2.1), the admin API problem+json, and every page a browser opens (the
/// Alexa app's login page, the admin area) a small branded page in the visitor's language. Nothing is retried here: a
/// write that failed may not be repeated blindly, and the client is told when to come back.</summary>
internal sealed class OutageResponses(
    IProblemDetailsService problems,
    IStringLocalizer<SharedResource> text,
    IOptions<RequestLocalizationOptions> localization,
    TenantSites sites,
    ILogger<OutageResponses> logger) : IExceptionHandler
{
    public const int RetryAfterSeconds = 5;

    // Every script as text (a Japanese or Arabic page stays readable); markup characters are still encoded.
    private static readonly HtmlEncoder Html = HtmlEncoder.Create(UnicodeRanges.All);

    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        if (!DependencyOutage.IsOutage(exception) || httpContext.Response.HasStarted)
            return false;
        logger.LogWarning("Dependency outage answered 503 for {Method} {Path}: {Error}", httpContext.Request.Method,
            httpContext.Request.Path, exception.GetBaseException().GetType().Name);

        var response = httpContext.Response;
        response.StatusCode = StatusCodes.Status503ServiceUnavailable;
        response.Headers.RetryAfter = RetryAfterSeconds.ToString(CultureInfo.InvariantCulture);
        response.Headers.CacheControl = "no-store";
        var (slug, rest) = TenantResolutionMiddleware.Split(httpContext.Request.Path);

        if (slug is not null && IsOAuthEndpoint(rest))
        {
            await response.WriteAsJsonAsync(new Dictionary<string, string>
            {
                ["error"] = "temporarily_unavailable",
                ["error_description"] = $"The server is temporarily unavailable. Retry in {RetryAfterSeconds} seconds.",
            }, cancellationToken);
            return true;
        }
        if (httpContext.Request.Path.StartsWithSegments("/api"))
        {
            return await problems.TryWriteAsync(new ProblemDetailsContext
            {
                HttpContext = httpContext,
                Exception = exception,
                ProblemDetails = new ProblemDetails
                {
                    Status = StatusCodes.Status503ServiceUnavailable,
                    Title = "Service temporarily unavailable",
                    Detail = $"A dependency (the database) is not reachable. Retry in {RetryAfterSeconds} seconds.",
                },
            });
        }

        await WritePageAsync(httpContext, slug is null ? null : httpContext.Tenant() ?? sites.LastKnown(slug), cancellationToken);
        return true;
    }

    // The authorization endpoint is a page in the Alexa app; the others are called by Alexa's servers or skill backends.
    private static bool IsOAuthEndpoint(PathString rest) =>
        rest.StartsWithSegments("/" + OAuthEndpoints.Token) || rest.StartsWithSegments("/" + OAuthEndpoints.Introspection)
        || rest.StartsWithSegments("/" + OAuthEndpoints.Revocation) || rest.StartsWithSegments("/" + OAuthEndpoints.UserInfo);

    private async Task WritePageAsync(HttpContext context, Application.Tenants.TenantSite? site, CancellationToken cancellationToken)
    {
        // Tenant resolution runs before request localisation, so an outage there leaves no culture chosen: pick it from
        // Accept-Language the same way.
        var culture = await PageCultureAsync(context);
        CultureInfo.CurrentCulture = CultureInfo.CurrentUICulture = culture;
        var name = site?.DisplayName ?? "AlexaLinkHub";
        var brand = site?.Branding.PrimaryColor ?? "#1f4e79";
        var page = site?.Branding.BackgroundColor ?? "#f4f6f8";
        var nonce = Convert.ToBase64String(RandomNumberGenerator.GetBytes(16));
        context.Response.ContentType = "text/html; charset=utf-8";
        context.Response.Headers.ContentSecurityPolicy = $"default-src 'none'; style-src 'self' 'nonce-{nonce}'; img-src https:; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";
        context.Response.Headers[HeaderNames.XContentTypeOptions] = "nosniff";
        var title = Html.Encode(text["Outage.Title"]);
        var message = Html.Encode(text["Outage.Message"]);
        var logo = site?.Branding.LogoUrl is { } logoUrl
            ? $"<img class=\"logo\" src=\"{Html.Encode(logoUrl)}\" alt=\"{Html.Encode(name)}\">"
            : $"<span class=\"brand-name\">{Html.Encode(name)}</span>";
        await context.Response.WriteAsync($$"""
            <!doctype html><html lang="{{culture.Name}}" dir="{{(culture.TextInfo.IsRightToLeft ? "rtl" : "ltr")}}"><head><meta charset="utf-8">
            <meta name="viewport" content="width=device-width, initial-scale=1"><title>{{title}} · {{Html.Encode(name)}}</title>
            <link rel="stylesheet" href="/css/tenant.css">
            <style nonce="{{nonce}}">:root{--brand:{{brand}};--on-brand:{{BrandColors.TextOn(brand)}};--page:{{page}};--on-page:{{BrandColors.TextOn(page)}};}</style>
            </head><body><main class="card"><header class="brand">{{logo}}</header>
            <h1 id="outage-title">{{title}}</h1><p id="outage-message">{{message}}</p></main></body></html>
            """, cancellationToken);
    }

    private async Task<CultureInfo> PageCultureAsync(HttpContext context)
    {
        if (context.Features.Get<Microsoft.AspNetCore.Localization.IRequestCultureFeature>() is { } chosen)
            return chosen.RequestCulture.UICulture;
        var options = localization.Value;
        foreach (var provider in options.RequestCultureProviders)
        {
            if (await provider.DetermineProviderCultureResult(context) is not { } result)
                continue;
            foreach (var candidate in result.UICultures)
            {
                for (var culture = SafeCulture(candidate.Value); culture is not null && culture.Name.Length > 0; culture = culture.Parent)
                {
                    if (options.SupportedUICultures?.Any(c => c.Name.Equals(culture.Name, StringComparison.OrdinalIgnoreCase)) == true)
                        return culture;
                }
            }
        }
        return options.DefaultRequestCulture.UICulture;
    }

    private static CultureInfo? SafeCulture(string? name)
    {
        try
        {
            return string.IsNullOrEmpty(name) ? null : CultureInfo.GetCultureInfo(name);
        }
        catch (CultureNotFoundException)
        {
            return null;
        }
    }
}
