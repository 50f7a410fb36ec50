using AlexaLinkHub.Application.ExternalSignIn;
using Mediator;
using Microsoft.AspNetCore.Http.HttpResults;

namespace AlexaLinkHub.Web.Api;

public sealed record CreateIdentityProviderRequest(
    string? Name, string? Type, string? DisplayName, string? Issuer, string? ClientId, string? ClientSecret, IReadOnlyList<string>? Scopes, bool? Enabled);

public sealed record UpdateIdentityProviderRequest(
    string? DisplayName, string? Issuer, string? ClientId, string? ClientSecret, IReadOnlyList<string>? Scopes, bool? Enabled);

/// <summary>External sign-in providers of a tenant ("Continue with …" on its login page). The answer names the
/// <c>callbackUrl</c> to register at the provider and never the client secret.</summary>
internal static class IdentityProvidersEndpoints
{
    public static void MapIdentityProvidersEndpoints(this RouteGroupBuilder tenant)
    {
        var providers = tenant.MapGroup("/identity-providers").WithTags("Identity providers");
        providers.MapPost("/", Create)
            .WithSummary("Add an external provider: type oidc (issuer → discovery, read now: it must answer), google, amazon, apple, microsoft or facebook.");
        providers.MapGet("/", List).WithSummary("The tenant's external providers.");
        providers.MapGet("/{name}", Get).WithSummary("An external provider.");
        providers.MapPatch("/{name}", Update).WithSummary("Change a provider (what is left out stays); a new issuer is discovered again, a new secret replaces the old one.");
        providers.MapDelete("/{name}", Delete).WithSummary("Remove a provider and the identities connected through it.");
    }

    private static async Task<Created<IdentityProviderDto>> Create(CreateIdentityProviderRequest body, HttpContext http, ISender sender, CancellationToken ct)
    {
        var created = await sender.Send(new RegisterIdentityProvider
        {
            Name = body.Name ?? string.Empty,
            Type = body.Type ?? string.Empty,
            DisplayName = body.DisplayName ?? string.Empty,
            Issuer = body.Issuer,
            ClientId = body.ClientId ?? string.Empty,
            ClientSecret = body.ClientSecret ?? string.Empty,
            Scopes = body.Scopes,
            Enabled = body.Enabled ?? true,
        }, ct);
        return TypedResults.Created($"{SkillsEndpoints.TenantPath(http)}/identity-providers/{created.Name}", created);
    }

    private static async Task<Ok<IReadOnlyList<IdentityProviderDto>>> List(ISender sender, CancellationToken ct) =>
        TypedResults.Ok(await sender.Send(new ListIdentityProviders(), ct));

    private static async Task<Ok<IdentityProviderDto>> Get(string name, ISender sender, CancellationToken ct) =>
        TypedResults.Ok(await sender.Send(new GetIdentityProvider(name), ct));

    private static async Task<Ok<IdentityProviderDto>> Update(string name, UpdateIdentityProviderRequest body, ISender sender, CancellationToken ct) =>
        TypedResults.Ok(await sender.Send(new UpdateIdentityProvider
        {
            Name = name,
            DisplayName = body.DisplayName,
            Issuer = body.Issuer,
            ClientId = body.ClientId,
            ClientSecret = body.ClientSecret,
            Scopes = body.Scopes,
            Enabled = body.Enabled,
        }, ct));

    private static async Task<NoContent> Delete(string name, ISender sender, CancellationToken ct)
    {
        await sender.Send(new DeleteIdentityProvider(name), ct);
        return TypedResults.NoContent();
    }
}
