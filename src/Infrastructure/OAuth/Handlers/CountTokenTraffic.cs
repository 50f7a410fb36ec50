using AlexaLinkHub.Application.Common.Telemetry;
using AlexaLinkHub.Application.Common.Tenancy;
using OpenIddict.Server;
using static OpenIddict.Server.OpenIddictServerEvents;

namespace AlexaLinkHub.Infrastructure.OAuth.Handlers;

/// <summary>Feeds the business metrics from the OAuth server's answers (<see cref="LinkHubMetrics"/>): introspections by
/// result, and tokens as they are handed out (implicit grant at the authorization endpoint, code and refresh grants at
/// the token endpoint). A counter add per answer; no database work.</summary>
internal static class CountTokenTraffic
{
    internal sealed class Introspections(ITenantContext scope) : IOpenIddictServerHandler<ApplyIntrospectionResponseContext>
    {
        public static OpenIddictServerHandlerDescriptor Descriptor { get; } =
            OpenIddictServerHandlerDescriptor.CreateBuilder<ApplyIntrospectionResponseContext>()
                .UseScopedHandler<Introspections>()
                .SetOrder(int.MinValue + 100_000)
                .SetType(OpenIddictServerHandlerType.Custom)
                .Build();

        public ValueTask HandleAsync(ApplyIntrospectionResponseContext context)
        {
            if (string.IsNullOrEmpty(context.Error))
                LinkHubMetrics.Introspected(scope.TenantSlug, (bool?)context.Response["active"] == true);
            return ValueTask.CompletedTask;
        }
    }

    internal sealed class FromTokenEndpoint(ITenantContext scope) : IOpenIddictServerHandler<ApplyTokenResponseContext>
    {
        public static OpenIddictServerHandlerDescriptor Descriptor { get; } =
            OpenIddictServerHandlerDescriptor.CreateBuilder<ApplyTokenResponseContext>()
                .UseScopedHandler<FromTokenEndpoint>()
                .SetOrder(int.MinValue + 100_000)
                .SetType(OpenIddictServerHandlerType.Custom)
                .Build();

        public ValueTask HandleAsync(ApplyTokenResponseContext context)
        {
            if (!string.IsNullOrEmpty(context.Response.AccessToken))
                LinkHubMetrics.TokenIssued(scope.TenantSlug, "access_token");
            if (!string.IsNullOrEmpty(context.Response.RefreshToken))
                LinkHubMetrics.TokenIssued(scope.TenantSlug, "refresh_token");
            return ValueTask.CompletedTask;
        }
    }

    internal sealed class FromAuthorizationEndpoint(ITenantContext scope) : IOpenIddictServerHandler<ApplyAuthorizationResponseContext>
    {
        public static OpenIddictServerHandlerDescriptor Descriptor { get; } =
            OpenIddictServerHandlerDescriptor.CreateBuilder<ApplyAuthorizationResponseContext>()
                .UseScopedHandler<FromAuthorizationEndpoint>()
                .SetOrder(int.MinValue + 100_000)
                .SetType(OpenIddictServerHandlerType.Custom)
                .Build();

        public ValueTask HandleAsync(ApplyAuthorizationResponseContext context)
        {
            if (!string.IsNullOrEmpty(context.Response.AccessToken))
                LinkHubMetrics.TokenIssued(scope.TenantSlug, "access_token");
            return ValueTask.CompletedTask;
        }
    }
}
