using AlexaLinkHub.Application.Common.Models;
using AlexaLinkHub.Application.Linking;
using AlexaLinkHub.Application.Users;
using Mediator;
using Microsoft.AspNetCore.Http.HttpResults;

namespace AlexaLinkHub.Web.Api;

internal static class UsersEndpoints
{
    public static void MapUsersEndpoints(this RouteGroupBuilder tenant)
    {
        var users = tenant.MapGroup("/users").WithTags("Users");
        users.MapPost("/", Create).WithSummary("Create an end user of the tenant.");
        users.MapGet("/", Find).WithSummary("End users by email, a page at a time")
            .WithDescription("search: the user whose external id it is exactly, else users whose email starts with it (case-insensitive). " +
                "Keyset-paged: follow next / previous (opaque cursors) with ?after=; after wins over page, which still works (an offset, for the first pages). " +
                "totalCount is exact up to 10000 (totalIsExact); a cursor of another list, tenant or search is 400.");
        users.MapGet("/{id:guid}", Get).WithSummary("One end user.");
        users.MapPost("/{id:guid}/disable", Disable)
            .WithSummary("Disable an end user: they cannot sign in and their tokens stop working at once (nothing is revoked); webhooks get user.disabled.");
        users.MapPost("/{id:guid}/enable", Enable).WithSummary("Enable an end user again: their links work again.");
        users.MapDelete("/{id:guid}", Delete)
            .WithSummary("Delete an end user: their links end (token.revoked, reason user_deleted) and what identifies them is erased, in the audit trail too.");
    }

    private static async Task<Created<EndUserDto>> Create(CreateUserRequest body, HttpContext http, ISender sender, CancellationToken ct)
    {
        var user = await sender.Send(new CreateEndUser
        {
            Email = body.Email ?? string.Empty,
            Password = body.Password ?? string.Empty,
            DisplayName = body.DisplayName ?? string.Empty,
            ExternalId = body.ExternalId,
        }, ct);
        return TypedResults.Created($"{SkillsEndpoints.TenantPath(http)}/users/{user.Id}", user);
    }

    private static async Task<Ok<Page<EndUserDto>>> Find(string? search, int? page, int? pageSize, string? after, ISender sender, CancellationToken ct) =>
        TypedResults.Ok(await sender.Send(new FindEndUsers(search, page, pageSize, after), ct));

    private static async Task<NoContent> Disable(Guid id, ISender sender, CancellationToken ct)
    {
        await sender.Send(new DisableEndUser(id), ct);
        return TypedResults.NoContent();
    }

    private static async Task<NoContent> Enable(Guid id, ISender sender, CancellationToken ct)
    {
        await sender.Send(new EnableEndUser(id), ct);
        return TypedResults.NoContent();
    }

    private static async Task<Ok<RevocationResult>> Delete(Guid id, ISender sender, CancellationToken ct) =>
        TypedResults.Ok(await sender.Send(new DeleteEndUser(id), ct));

    private static async Task<Ok<EndUserDto>> Get(Guid id, ISender sender, CancellationToken ct) =>
        TypedResults.Ok(await sender.Send(new GetEndUser(id), ct));
}
