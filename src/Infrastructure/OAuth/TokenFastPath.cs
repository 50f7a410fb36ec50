using AlexaLinkHub.Application.Common.OAuth;
using AlexaLinkHub.Application.Common.Telemetry;
using AlexaLinkHub.Application.Common.Tenancy;
using AlexaLinkHub.Infrastructure.Caching;
using AlexaLinkHub.Infrastructure.Persistence;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace AlexaLinkHub.Infrastructure.OAuth;

/// <summary>The token check's fast path, in front of the OAuth server: an introspection or userinfo request about an
/// active access token the server has already answered is answered again from <see cref="TokenAnswers"/> — the same
/// bytes — after hashing the presented token and checking the client secret, with no database round trip. Everything
/// else (a token not seen before, any error, any request in a shape other than the plain one) goes on to OpenIddict,
/// which answers as it always did and leaves its answer here (<see cref="TokenAnswerCapture"/>). See docs/decisions/014.</summary>
public sealed class TokenFastPath(RequestDelegate next, ChangeClock clock, TokenAnswers answers, OAuthClients clients, TimeProvider time)
{
    /// <summary>The change clock when the request began, before anything was read: what a captured answer depends on.</summary>
    internal const string ReadAtItem = "alh:token-read-at";

    internal const string IntrospectionContentType = "application/json;charset=UTF-8";
    internal const string UserInfoContentType = "application/json; charset=utf-8";

    private static readonly PathString IntrospectionPath = new("/" + OAuthEndpoints.Introspection);
    private static readonly PathString UserInfoPath = new("/" + OAuthEndpoints.UserInfo);

    public async Task InvokeAsync(HttpContext context, ITenantContext tenant)
    {
        var path = context.Request.Path;
        var introspection = path.Equals(IntrospectionPath, StringComparison.Ordinal);
        if ((!introspection && !path.Equals(UserInfoPath, StringComparison.Ordinal)) || tenant.TenantId is not { } tenantId)
        {
            await next(context);
            return;
        }

        context.Items[ReadAtItem] = clock.Now;
        if (clock.InSync(Environment.TickCount64))
        {
            var answer = introspection ? await IntrospectionAsync(context, tenantId) : UserInfo(context, tenantId);
            if (answer is not null)
            {
                // The answers kept here are of active tokens; counted like the server's own (CountTokenTraffic).
                if (introspection)
                    LinkHubMetrics.Introspected(tenant.TenantSlug, active: true);
                await WriteAsync(context, answer.Body, introspection ? IntrospectionContentType : UserInfoContentType);
                return;
            }
        }
        await next(context);
    }

    /// <summary>Writes a JSON answer the way the OAuth server does: 200, not to be cached (RFC 7662 §2.2, RFC 6749 §5.1).</summary>
    internal static Task WriteAsync(HttpContext context, byte[] body, string contentType)
    {
        var response = context.Response;
        response.StatusCode = StatusCodes.Status200OK;
        response.ContentType = contentType;
        response.ContentLength = body.Length;
        response.Headers.CacheControl = "no-store";
        response.Headers.Pragma = "no-cache";
        response.Headers.Expires = "Thu, 01 Jan 1970 00:00:00 GMT";
        return response.Body.WriteAsync(body, context.RequestAborted).AsTask();
    }

    /// <summary>The userinfo endpoint's own answer, written like the fast path's.</summary>
    public static Task WriteUserInfoAsync(HttpContext context, byte[] body) => WriteAsync(context, body, UserInfoContentType);

    internal static string OriginOf(HttpRequest request) => request.Scheme + "://" + request.Host.Value;

    // RFC 7662 §2.1 as a skill backend sends it: POST, form body with the token (and at most the access_token hint),
    // the client authenticated with HTTP Basic. Any other shape is OpenIddict's to judge.
    private async Task<TokenAnswers.Answer?> IntrospectionAsync(HttpContext context, Guid tenantId)
    {
        var request = context.Request;
        // Credentials that needed form-decoding (a '%' or '+') are left to OpenIddict.
        if (!HttpMethods.IsPost(request.Method) || !request.HasFormContentType
            || BasicCredentials.Of(context) is not { NeededDecoding: false, ClientId.Length: > 0, Secret.Length: > 0, ClientId: var clientId, Secret: var secret })
            return null;
        IFormCollection form;
        try
        {
            form = await request.ReadFormAsync(context.RequestAborted);
        }
        catch (Exception ex) when (ex is InvalidDataException or IOException or BadHttpRequestException)
        {
            return null;
        }
        if (form.Count > 2 || form["token"] is not [{ } token]
            || (form.Count == 2 && form["token_type_hint"] is not ["access_token"]))
            return null;

        var db = context.RequestServices.GetRequiredService<AppDbContext>();
        var skill = await clients.FindAsync(db, tenantId, clientId, context.RequestAborted);
        if (skill is null || !clients.Accepts(skill, secret) || TokenAnswers.Key.Of(tenantId, token) is not { } key)
            return null;
        var answer = answers.Introspection.Find(key, OriginOf(request), time.GetUtcNow());
        return answer is not null && string.Equals(answer.ClientId, clientId, StringComparison.Ordinal) ? answer : null;
    }

    // RFC 6750 §2.1: the token in the Authorization header, nothing in the query or a body.
    private TokenAnswers.Answer? UserInfo(HttpContext context, Guid tenantId)
    {
        var request = context.Request;
        if (!(HttpMethods.IsGet(request.Method) || (HttpMethods.IsPost(request.Method) && request.ContentLength is null or 0 && !request.HasFormContentType))
            || request.QueryString.HasValue)
            return null;
        var header = request.Headers.Authorization.ToString();
        if (!header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase) || TokenAnswers.Key.Of(tenantId, header[7..]) is not { } key)
            return null;
        return answers.UserInfo.Find(key, OriginOf(request), time.GetUtcNow());
    }
}

public static class TokenFastPathSetup
{
    /// <summary>After tenant resolution (the tenant is in scope), before everything a page needs.</summary>
    public static IApplicationBuilder UseTokenFastPath(this IApplicationBuilder app) => app.UseMiddleware<TokenFastPath>();
}
