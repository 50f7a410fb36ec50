using AlexaLinkHub.Application.Common.OAuth;
using AlexaLinkHub.Application.Linking;
using Mediator;
using Microsoft.AspNetCore.WebUtilities;

namespace AlexaLinkHub.Web.Pages.Tenant;

/// <summary>The link flow a tenant page is part of: the authorization request waiting in <c>returnUrl</c>. Pages stay in
/// the flow by passing it on, and bring the user back to it when they are done.</summary>
internal static class LinkFlow
{
    /// <summary>A return URL we will follow: local, and inside this tenant (never another tenant's pages).</summary>
    public static string? SafeReturnUrl(HttpContext context, string? returnUrl)
    {
        if (string.IsNullOrEmpty(returnUrl) || returnUrl.Length > 16_384)
            return null;
        if (!returnUrl.StartsWith('/') || returnUrl.StartsWith("//", StringComparison.Ordinal) || returnUrl.StartsWith("/\\", StringComparison.Ordinal))
            return null;
        var tenantBase = context.Request.PathBase.Value + "/";
        return returnUrl.StartsWith(tenantBase, StringComparison.Ordinal) ? returnUrl : null;
    }

    /// <summary>The skill and scopes of the authorization request in <paramref name="returnUrl"/>, if it is one.</summary>
    public static async Task<LinkContext?> ContextOfAsync(HttpContext context, ISender sender, string? returnUrl)
    {
        if (SafeReturnUrl(context, returnUrl) is not { } url)
            return null;
        var question = url.IndexOf('?', StringComparison.Ordinal);
        var path = question < 0 ? url : url[..question];
        if (!path.EndsWith("/" + OAuthEndpoints.Authorization, StringComparison.Ordinal) || question < 0)
            return null;
        var query = QueryHelpers.ParseQuery(url[question..]);
        if (!query.TryGetValue("client_id", out var clientId) || clientId.Count != 1 || string.IsNullOrEmpty(clientId[0]))
            return null;
        var scopes = query.TryGetValue("scope", out var scope) ? (scope.ToString() ?? string.Empty).Split(' ', StringSplitOptions.RemoveEmptyEntries) : [];
        var link = await sender.Send(new GetLinkContext(clientId[0]!, scopes), context.RequestAborted);
        if (link is not null && context.Features.Get<Tenancy.TenantPageSecurity>() is { } security)
            security.AllowContentFrom(link.Domains);
        return link;
    }

    public static string PageUrl(HttpContext context, string page, string? returnUrl) =>
        returnUrl is null
            ? $"{context.Request.PathBase}/{page}"
            : QueryHelpers.AddQueryString($"{context.Request.PathBase}/{page}", "returnUrl", returnUrl);
}
