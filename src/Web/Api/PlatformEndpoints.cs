using AlexaLinkHub.Application.Platform;
using Mediator;
using Microsoft.AspNetCore.Http.HttpResults;

namespace AlexaLinkHub.Web.Api;

/// <summary>The platform's own keys (platform key only).</summary>
internal static class PlatformEndpoints
{
    public static void MapPlatformEndpoints(this RouteGroupBuilder api)
    {
        var platform = api.MapGroup("/platform").WithTags("Platform").AddEndpointFilter<PlatformScopeFilter>();
        platform.MapPost("/keys/rotate", RotateKeys)
            .WithSummary("Publish a new token-signing key now; it signs after activateAfterSeconds (default OAuth:SigningKeys:ActivationDelay). Older keys keep verifying until every token they signed has expired.");
    }

    private static async Task<Ok<SigningKeysDto>> RotateKeys(RotateSigningKeyRequest? body, ISender sender, CancellationToken ct) =>
        TypedResults.Ok(await sender.Send(new RotateSigningKey(body?.ActivateAfterSeconds), ct));
}
