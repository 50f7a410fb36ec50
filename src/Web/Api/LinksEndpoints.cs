using AlexaLinkHub.Application.Linking;
using Mediator;
using Microsoft.AspNetCore.Http.HttpResults;

namespace AlexaLinkHub.Web.Api;

/// <summary>Account links and token revocation. Every revocation is audited and the tokens are inactive at
/// introspection the moment the call returns.</summary>
internal static class LinksEndpoints
{
    public static void MapLinksEndpoints(this RouteGroupBuilder tenant)
    {
        tenant.MapGet("/users/{id:guid}/links", ListLinks).WithTags("Links")
            .WithSummary("An end user's account links, newest first, with their tokens' ids, types, status and expiry (never values).");
        tenant.MapPost("/users/{id:guid}/revoke", RevokeUser).WithTags("Links")
            .WithSummary("Revoke all of an end user's tokens, or only those of one skill (?clientId=).");
        tenant.MapPost("/skills/{clientId}/revoke-all", RevokeSkill).WithTags("Links")
            .WithSummary("Revoke every token of a skill (for a breach).");
        tenant.MapPost("/revoke-all", RevokeTenant).WithTags("Links")
            .WithSummary("Incident response: revoke every token of the tenant. Body { \"confirmation\": \"<slug>\" }; a wrong confirmation is 400 and revokes nothing.");
        tenant.MapDelete("/tokens/{tokenId}", RevokeToken).WithTags("Links")
            .WithSummary("Revoke a token together with the link it belongs to.");
    }

    private static async Task<Ok<IReadOnlyList<AccountLinkDto>>> ListLinks(Guid id, ISender sender, CancellationToken ct) =>
        TypedResults.Ok(await sender.Send(new ListUserLinks(id), ct));

    private static async Task<Ok<RevocationResult>> RevokeUser(Guid id, string? clientId, ISender sender, CancellationToken ct) =>
        TypedResults.Ok(await sender.Send(new RevokeUserTokens(id, clientId), ct));

    private static async Task<Ok<RevocationResult>> RevokeSkill(string clientId, ISender sender, CancellationToken ct) =>
        TypedResults.Ok(await sender.Send(new RevokeSkillTokens(clientId), ct));

    private static async Task<Ok<RevokedCount>> RevokeTenant(string slug, RevokeAllRequest? body, ISender sender, CancellationToken ct) =>
        TypedResults.Ok(await sender.Send(new RevokeTenantTokens { Slug = slug, Confirmation = body?.Confirmation ?? string.Empty }, ct));

    private static async Task<Ok<RevocationResult>> RevokeToken(string tokenId, ISender sender, CancellationToken ct) =>
        TypedResults.Ok(await sender.Send(new RevokeToken(tokenId), ct));
}
