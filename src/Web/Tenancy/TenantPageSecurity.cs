using System.Security.Cryptography;

namespace AlexaLinkHub.Web.Tenancy;

/// <summary>Security headers for every tenant page. The Content-Security-Policy allows only our own origin plus what
/// the vendor declared: the tenant's logo host and the skill's domain list (img/style/font), and the skill's redirect
/// URL origins as form targets — Chrome applies form-action to the redirect that follows a form post, so without them
/// the final redirect to Amazon after "Allow" would be blocked. No script is needed or allowed.</summary>
public sealed class TenantPageSecurity
{
    private readonly HashSet<string> _contentHosts = new(StringComparer.OrdinalIgnoreCase);
    private readonly HashSet<string> _formTargets = new(StringComparer.OrdinalIgnoreCase);

    public string StyleNonce { get; } = Convert.ToBase64String(RandomNumberGenerator.GetBytes(16));

    /// <summary>Who may frame the page: nobody, except the admin area's branding preview (framed by the admin page).</summary>
    public string FrameAncestors { get; set; } = "'none'";

    /// <summary>Where the page's forms may post: our own pages and <see cref="AllowFormTargets"/>; nowhere at all for
    /// the admin area's preview, whose forms are only pictures of the real ones.</summary>
    public bool FormsDisabled { get; set; }

    public void AllowContentFrom(IEnumerable<string> hosts)
    {
        foreach (var host in hosts)
            _contentHosts.Add("https://" + host);
    }

    public void AllowContentFromUrl(string? url)
    {
        if (url is not null && Uri.TryCreate(url, UriKind.Absolute, out var uri) && uri.Scheme == Uri.UriSchemeHttps)
            _contentHosts.Add(uri.GetLeftPart(UriPartial.Authority));
    }

    public void AllowFormTargets(IEnumerable<string> origins)
    {
        foreach (var origin in origins)
            _formTargets.Add(origin);
    }

    public string ContentSecurityPolicy()
    {
        var content = string.Join(' ', _contentHosts.Order(StringComparer.Ordinal));
        var forms = FormsDisabled ? "'none'" : "'self' " + string.Join(' ', _formTargets.Order(StringComparer.Ordinal));
        return $"default-src 'none'; img-src 'self' data: {content}; style-src 'self' 'nonce-{StyleNonce}' {content}; " +
               $"font-src 'self' {content}; form-action {forms}; frame-ancestors {FrameAncestors}; base-uri 'none'; script-src 'none'";
    }
}

internal sealed class TenantPageSecurityMiddleware(RequestDelegate next)
{
    public Task InvokeAsync(HttpContext context)
    {
        if (context.Tenant() is not { } tenant)
            return next(context);

        var security = new TenantPageSecurity();
        security.AllowContentFromUrl(tenant.Branding.LogoUrl);
        context.Features.Set(security);
        context.Response.OnStarting(() =>
        {
            var headers = context.Response.Headers;
            headers.ContentSecurityPolicy = security.ContentSecurityPolicy().Replace("  ", " ", StringComparison.Ordinal);
            headers["Referrer-Policy"] = "no-referrer";
            headers.XContentTypeOptions = "nosniff";
            headers.XFrameOptions = "DENY";
            headers.CacheControl = "no-store";
            headers.Pragma = "no-cache";
            return Task.CompletedTask;
        });
        return next(context);
    }
}
