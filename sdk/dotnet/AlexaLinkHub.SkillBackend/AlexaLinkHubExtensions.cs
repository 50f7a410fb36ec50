using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using StandardWebhooks.Diagnostics;

namespace AlexaLinkHub.SkillBackend;

public static partial class AlexaLinkHubExtensions
{
    private const int MaxWebhookBytes = 64 * 1024;

    /// <summary>The kit: <see cref="AlexaLinkHubClient"/> (introspection through the cache) and Amazon's request
    /// signature check, configured by <paramref name="configure"/>.</summary>
    public static IServiceCollection AddAlexaLinkHub(this IServiceCollection services, Action<AlexaLinkHubOptions> configure)
    {
        services.AddOptions<AlexaLinkHubOptions>().Configure(configure).Validate(
            o => !string.IsNullOrEmpty(o.ClientId) && !string.IsNullOrEmpty(o.ClientSecret) && Validates(o.Issuer),
            "AlexaLinkHub needs Issuer (https, or http on loopback), ClientId and ClientSecret.").ValidateOnStart();
        // The client lives as long as the app (the cache's owner holds it); pooled connections are renewed every five
        // minutes so a changed DNS answer for AlexaLinkHub is seen. The time limit is per call (Timeout option).
        services.AddHttpClient(IntrospectionClient.HttpClientName, client => client.Timeout = Timeout.InfiniteTimeSpan)
            .ConfigurePrimaryHttpMessageHandler(() => new SocketsHttpHandler { AllowAutoRedirect = false, PooledConnectionLifetime = TimeSpan.FromMinutes(5) });
        services.AddHttpClient(AlexaRequestVerifier.HttpClientName, client => client.Timeout = TimeSpan.FromSeconds(5));
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<AlexaLinkHubClient>();
        services.TryAddSingleton<AlexaRequestVerifier>();
        return services;
    }

    /// <summary>Answers the kit's exceptions thrown by the handler (<see cref="AlexaSkillRequest.RequireUser"/>): the
    /// LinkAccount card when the account is not linked, "can't reach the service right now" when AlexaLinkHub is.</summary>
    public static RouteHandlerBuilder WithAlexaLinkHub(this RouteHandlerBuilder builder) =>
        builder.AddEndpointFilter(async (context, next) =>
        {
            try
            {
                return await next(context);
            }
            catch (Exception ex) when (ex is AccountNotLinkedException or AlexaLinkHubUnavailableException)
            {
                var request = context.HttpContext.Features.Get<AlexaSkillRequest>()
                    ?? throw new InvalidOperationException("WithAlexaLinkHub() needs an AlexaSkillRequest parameter on the handler.", ex);
                return request.RespondTo(ex);
            }
        });

    /// <summary><c>POST {pattern}</c>: AlexaLinkHub's signed webhooks; evicts cached answers on <c>token.revoked</c>,
    /// <c>account.unlinked</c> and <c>user.disabled</c>. 204, or 401 when the signature (or its timestamp) does not check out.</summary>
    public static RouteHandlerBuilder MapAlexaLinkHubWebhooks(this IEndpointRouteBuilder endpoints, string pattern = "/webhooks/alexalinkhub") =>
        endpoints.MapPost(pattern, async (HttpRequest request, AlexaLinkHubClient linkHub, ILoggerFactory loggers) =>
        {
            string body;
            try
            {
                body = System.Text.Encoding.UTF8.GetString(await AlexaSkillRequest.ReadBodyAsync(request, MaxWebhookBytes));
            }
            catch (BadHttpRequestException tooLarge)
            {
                return Results.StatusCode(tooLarge.StatusCode);
            }
            try
            {
                var received = linkHub.ReceiveWebhook(body, request.Headers);
                LogReceived(loggers.CreateLogger("AlexaLinkHub.Webhooks"), received.Type, received.Id, received.Evicted);
                return Results.NoContent();
            }
            catch (WebhookVerificationException)
            {
                return Results.Unauthorized();
            }
        }).ExcludeFromDescription();

    private static bool Validates(string issuer)
    {
        try
        {
            IntrospectionClient.NormaliseIssuer(issuer);
            return true;
        }
        catch (ArgumentException)
        {
            return false;
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "AlexaLinkHub webhook {Type} ({Id}): {Evicted} cached answers evicted.")]
    private static partial void LogReceived(ILogger logger, string type, string id, int evicted);
}
