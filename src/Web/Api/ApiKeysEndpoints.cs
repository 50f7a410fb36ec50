using AlexaLinkHub.Application.ApiKeys;
using Mediator;
using Microsoft.AspNetCore.Http.HttpResults;

namespace AlexaLinkHub.Web.Api;

internal static class ApiKeysEndpoints
{
    public static void MapApiKeysEndpoints(this RouteGroupBuilder tenant)
    {
        var keys = tenant.MapGroup("/api-keys").WithTags("API keys");
        keys.MapPost("/", Create).WithSummary("Create a tenant-scoped API key, role \"admin\" (the default) or \"viewer\" (reads only: its writes are 403). The key is in this response only.");
        keys.MapGet("/", List).WithSummary("The tenant's API keys (prefixes only).");
        keys.MapDelete("/{id:guid}", Revoke).WithSummary("Revoke an API key.");
    }

    private static async Task<Created<CreatedApiKeyDto>> Create(CreateApiKeyRequest body, HttpContext http, ISender sender, CancellationToken ct)
    {
        var key = await sender.Send(new CreateApiKey { Name = body.Name ?? string.Empty, Role = body.Role }, ct);
        return TypedResults.Created($"{SkillsEndpoints.TenantPath(http)}/api-keys/{key.Id}", key);
    }

    private static async Task<Ok<IReadOnlyList<ApiKeyDto>>> List(ISender sender, CancellationToken ct) =>
        TypedResults.Ok(await sender.Send(new ListApiKeys(), ct));

    private static async Task<NoContent> Revoke(Guid id, ISender sender, CancellationToken ct)
    {
        await sender.Send(new RevokeApiKey(id), ct);
        return TypedResults.NoContent();
    }
}
