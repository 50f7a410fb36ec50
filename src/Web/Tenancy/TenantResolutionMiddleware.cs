using AlexaLinkHub.Application.Common.Tenancy;
using AlexaLinkHub.Application.Tenants;
using AlexaLinkHub.Domain.Tenants;
using AlexaLinkHub.Infrastructure.Caching;
using Mediator;

namespace AlexaLinkHub.Web.Tenancy;

/// <summary>Tenancy in one place: <c>/t/{slug}/rest</c> becomes PathBase <c>/t/{slug}</c> + Path <c>/rest</c> with the
/// tenant in scope, before routing and authentication — so OpenIddict derives the tenant's own issuer, cookies are
/// scoped to the tenant's path, and every query sees only that tenant. An unknown or suspended slug is a 404, and the
/// OAuth endpoints do not exist outside a tenant.</summary>
internal sealed class TenantResolutionMiddleware(RequestDelegate next, TenantSites sites)
{
    private static readonly PathString TenantPrefix = new("/t");

    public async Task InvokeAsync(HttpContext context, TenantContext scope)
    {
        var request = context.Request;
        var (slug, rest) = Split(request.Path);
        if (slug is null)
        {
            if (request.Path.StartsWithSegments("/connect") || request.Path.StartsWithSegments("/.well-known"))
            {
                await NotFoundPage.WriteAsync(context);
                return;
            }
            await next(context);
            return;
        }

        var site = TenantSlug.IsValid(slug) ? await sites.FindAsync(context, slug) : null;
        if (site is not { IsActive: true })
        {
            await NotFoundPage.WriteAsync(context);
            return;
        }

        scope.EnterTenant(site.Id, site.Slug);
        context.Features.Set(new TenantSiteFeature(site));
        var originalBase = request.PathBase;
        var originalPath = request.Path;
        request.PathBase = originalBase.Add(TenantPrefix).Add("/" + site.Slug);
        request.Path = rest;
        try
        {
            await next(context);
        }
        finally
        {
            request.PathBase = originalBase;
            request.Path = originalPath;
        }
    }

    /// <summary><c>/t/{slug}/rest</c>, and RFC 8414 §3.1's path-insertion form
    /// <c>/.well-known/oauth-authorization-server/t/{slug}</c> (likewise for openid-configuration).</summary>
    internal static (string? Slug, PathString Remainder) Split(PathString path)
    {
        if (path.StartsWithSegments("/.well-known", out var wellKnown))
        {
            var parts = wellKnown.Value!.Split('/', StringSplitOptions.RemoveEmptyEntries);
            if (parts is [var document and ("oauth-authorization-server" or "openid-configuration"), "t", var tenant])
                return (tenant, new PathString($"/.well-known/{document}"));
            return (null, path);
        }

        if (!path.StartsWithSegments(TenantPrefix, out var afterPrefix) || !afterPrefix.HasValue || afterPrefix.Value!.Length < 2)
            return (null, path);
        var value = afterPrefix.Value!;
        var slash = value.IndexOf('/', 1);
        return slash < 0 ? (value[1..], new PathString("/")) : (value[1..slash], new PathString(value[slash..]));
    }
}

/// <summary>Tenants by slug, kept between requests while the tenant is unchanged (<see cref="ChangeClock"/>: a
/// suspension, a rename or new branding here or on another instance drops it), so a request does not query its tenant.
/// An unknown slug is not remembered. <see cref="LastKnown"/> is what an outage page brands itself with when the
/// database cannot tell us (never used to resolve a tenant).</summary>
internal sealed class TenantSites(ChangeClock clock)
{
    private const int Capacity = 10_000;
    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, (TenantSite Site, long ReadAt)> _sites = new(StringComparer.Ordinal);

    /// <summary>The site as last read here, current or not.</summary>
    public TenantSite? LastKnown(string slug) => _sites.TryGetValue(slug, out var known) ? known.Site : null;

    public async ValueTask<TenantSite?> FindAsync(HttpContext context, string slug)
    {
        if (_sites.TryGetValue(slug, out var known) && clock.InSync(Environment.TickCount64) && clock.IsCurrent(known.ReadAt, known.Site.Id))
            return known.Site;
        var readAt = clock.Now;
        var site = await context.RequestServices.GetRequiredService<ISender>().Send(new ResolveTenant(slug), context.RequestAborted);
        if (site is null)
            _sites.TryRemove(slug, out _);
        else if (_sites.Count < Capacity || _sites.ContainsKey(slug))
            _sites[slug] = (site, readAt);
        return site;
    }
}

internal static class NotFoundPage
{
    public static async Task WriteAsync(HttpContext context)
    {
        context.Response.StatusCode = StatusCodes.Status404NotFound;
        context.Response.ContentType = "text/html; charset=utf-8";
        context.Response.Headers.CacheControl = "no-store";
        await context.Response.WriteAsync("""
            <!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
            <title>Not found</title></head><body style="font-family:system-ui,sans-serif;margin:2rem"><h1>Page not found</h1>
            <p>There is nothing at this address. If you were linking an account, start again from the Alexa app.</p></body></html>
            """);
    }
}
