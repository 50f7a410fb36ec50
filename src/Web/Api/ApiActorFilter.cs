using System.Security.Claims;
using AlexaLinkHub.Application.Common.Tenancy;

namespace AlexaLinkHub.Web.Api;

/// <summary>Tells the application layer who is calling the admin API: the authenticated key, with its reach.</summary>
internal sealed class ApiActorFilter(ActorContext actor) : IEndpointFilter
{
    public ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var http = context.HttpContext;
        var user = http.User;
        var ip = http.Connection.RemoteIpAddress?.ToString();
        if (user.Identity is { IsAuthenticated: true, AuthenticationType: ApiKeyAuthenticationHandler.SchemeName })
        {
            var tenant = user.FindFirstValue(ApiKeyAuthenticationHandler.TenantClaim);
            actor.Set(
                $"api-key:{user.FindFirstValue(ApiKeyAuthenticationHandler.PrefixClaim)}",
                user.HasClaim(ApiKeyAuthenticationHandler.PlatformClaim, "true"),
                tenant is null ? [] : [Guid.Parse(tenant)],
                ip);
        }
        else
        {
            actor.SetAnonymous(ip);
        }

        return next(context);
    }
}
