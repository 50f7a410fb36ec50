using AlexaLinkHub.Application.Tenants;
using Mediator;

namespace AlexaLinkHub.Web.Api;

/// <summary><c>/api/v1/tenants/{slug}/…</c>: puts that tenant in scope (or answers 404) before the endpoint runs.</summary>
internal sealed class TenantScopeFilter(ISender sender) : IEndpointFilter
{
    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var slug = context.HttpContext.GetRouteValue("slug") as string ?? string.Empty;
        await sender.Send(new EnterTenantScope(slug), context.HttpContext.RequestAborted);
        return await next(context);
    }
}

/// <summary>Platform-wide endpoints run in the platform scope (for a platform actor; others are refused by the command).</summary>
internal sealed class PlatformScopeFilter(ISender sender) : IEndpointFilter
{
    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        await sender.Send(new EnterPlatformScope(), context.HttpContext.RequestAborted);
        return await next(context);
    }
}
