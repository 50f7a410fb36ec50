using AlexaLinkHub.Web.Tenancy;

namespace AlexaLinkHub.Web.Admin;

/// <summary>Security headers of every admin page. Scripts only from our origin (the copy buttons; every page works
/// without them), styles only from our origin (no inline styles: the chart uses SVG attributes and classes), framing
/// only of our own preview. A branding preview carries the tenant pages' policy instead, framable by the admin page.</summary>
internal static class AdminPageSecurity
{
    public const string ContentSecurityPolicy =
        "default-src 'none'; img-src 'self' data:; style-src 'self'; script-src 'self'; connect-src 'none'; " +
        "form-action 'self'; frame-src 'self'; frame-ancestors 'none'; base-uri 'none'";

    public static void Apply(HttpContext context) =>
        context.Response.OnStarting(() =>
        {
            var headers = context.Response.Headers;
            var preview = context.Features.Get<TenantPageSecurity>();
            headers.ContentSecurityPolicy = preview?.ContentSecurityPolicy().Replace("  ", " ", StringComparison.Ordinal) ?? ContentSecurityPolicy;
            headers.XFrameOptions = preview is null ? "DENY" : "SAMEORIGIN";
            headers["Referrer-Policy"] = "same-origin";
            headers.XContentTypeOptions = "nosniff";
            headers.CacheControl = "no-store";
            headers.Pragma = "no-cache";
            return Task.CompletedTask;
        });
}
