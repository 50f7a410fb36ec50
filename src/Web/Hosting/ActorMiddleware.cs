using AlexaLinkHub.Application.Common.Tenancy;
using AlexaLinkHub.Web.Admin;
using AlexaLinkHub.Web.Api;
using AlexaLinkHub.Web.Tenancy;
using Microsoft.AspNetCore.Authentication;

namespace AlexaLinkHub.Web.Hosting;

/// <summary>The one component that tells the application layer who is acting, once per request and before anything
/// sends a message (the OAuth server's own handlers run inside authentication, so this runs before it): on a tenant's
/// pages the signed-in end user, in the admin area the admin of its cookie, on the admin API the API key — each through
/// its own authentication scheme, whose result ASP.NET Core keeps for the rest of the request — and otherwise an
/// anonymous visitor. What the OAuth server does for a client it authenticated runs as that client in a scope of its own
/// (<see cref="Infrastructure.OAuth.ClientActorScope"/>).</summary>
internal sealed class ActorMiddleware(RequestDelegate next)
{
    private static readonly PathString ApiRoot = new("/api");

    public async Task InvokeAsync(HttpContext context, ActorContext actor)
    {
        actor.Set(await ResolveAsync(context));
        await next(context);
    }

    private static async Task<Actor> ResolveAsync(HttpContext context)
    {
        var ip = context.Connection.RemoteIpAddress?.ToString();
        if (context.Tenant() is not null)
            return EndUserSession.ActorOf(await context.AuthenticateAsync(EndUserSession.Scheme), ip);
        if (context.Request.Path.StartsWithSegments(AdminPaths.Root))
            return AdminAuthentication.ActorOf(await context.AuthenticateAsync(AdminAuthentication.Scheme), ip);
        if (context.Request.Path.StartsWithSegments(ApiRoot))
            return ApiKeyAuthenticationHandler.ActorOf(await context.AuthenticateAsync(ApiKeyAuthenticationHandler.SchemeName), ip);
        return Actor.Anonymous(ip);
    }
}
