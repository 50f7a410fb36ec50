using AlexaLinkHub.Application.Skills;
using Mediator;
using Microsoft.AspNetCore.Http.HttpResults;

namespace AlexaLinkHub.Web.Api;

internal static class SkillsEndpoints
{
    public static void MapSkillsEndpoints(this RouteGroupBuilder tenant)
    {
        var skills = tenant.MapGroup("/skills").WithTags("Skills");
        skills.MapPost("/", Register).WithSummary("Register a skill (an OAuth client). The client secret is in this response only.");
        skills.MapGet("/", List).WithSummary("The tenant's skills.");
        skills.MapGet("/alexa-redirect-urls", AlexaRedirectUrlsFor).WithSummary("The redirect URLs the Alexa developer console lists for a Vendor ID, per grant type.");
        skills.MapGet("/{clientId}", Get).WithSummary("One skill, with the URIs to paste into the Alexa console. Never the secret.");
        skills.MapPut("/{clientId}", Update).WithSummary("Replace a skill's configuration.");
        skills.MapPost("/{clientId}/rotate-secret", Rotate).WithSummary("Issue a new client secret; the previous one keeps working for the overlap (default 24 h).");
        skills.MapPost("/{clientId}/end-secret-overlap", EndOverlap).WithSummary("Stop accepting the previous client secret now.");
        skills.MapPost("/{clientId}/disable", Disable).WithSummary("Disable a skill: linking stops and its tokens stop working.");
        skills.MapPost("/{clientId}/enable", Enable).WithSummary("Enable a disabled skill.");
    }

    private static async Task<Created<RegisteredSkillResponse>> Register(SkillRequest body, HttpContext http, ISender sender, CancellationToken ct)
    {
        var registered = await sender.Send(new RegisterSkill
        {
            ClientId = body.ClientId,
            Name = body.Name ?? string.Empty,
            GrantType = body.GrantType ?? string.Empty,
            Scopes = body.Scopes,
            Domains = body.Domains,
            RedirectUrls = body.RedirectUrls,
            AccessTokenLifetimeSeconds = body.AccessTokenLifetimeSeconds,
            RefreshTokenLifetimeSeconds = body.RefreshTokenLifetimeSeconds,
        }, ct);
        return TypedResults.Created($"{TenantPath(http)}/skills/{Uri.EscapeDataString(registered.Skill.ClientId)}", RegisteredSkillResponse.From(registered));
    }

    /// <summary>The tenant's admin API path, for Location headers.</summary>
    internal static string TenantPath(HttpContext http) => $"/api/v1/tenants/{Uri.EscapeDataString(http.GetRouteValue("slug") as string ?? string.Empty)}";

    private static async Task<Ok<IReadOnlyList<SkillDto>>> List(ISender sender, CancellationToken ct) =>
        TypedResults.Ok(await sender.Send(new ListSkills(), ct));

    private static async Task<Ok<AlexaRedirectUrlSet>> AlexaRedirectUrlsFor(string? vendorId, ISender sender, CancellationToken ct) =>
        TypedResults.Ok(await sender.Send(new SuggestAlexaRedirectUrls(vendorId ?? string.Empty), ct));

    private static async Task<Ok<SkillDto>> Get(string clientId, ISender sender, CancellationToken ct) =>
        TypedResults.Ok(await sender.Send(new GetSkill(clientId), ct));

    private static async Task<Ok<SkillDto>> Update(string clientId, SkillRequest body, ISender sender, CancellationToken ct) =>
        TypedResults.Ok(await sender.Send(new UpdateSkill
        {
            ClientId = clientId,
            Name = body.Name ?? string.Empty,
            GrantType = body.GrantType ?? string.Empty,
            Scopes = body.Scopes,
            Domains = body.Domains,
            RedirectUrls = body.RedirectUrls,
            AccessTokenLifetimeSeconds = body.AccessTokenLifetimeSeconds,
            RefreshTokenLifetimeSeconds = body.RefreshTokenLifetimeSeconds,
        }, ct));

    private static async Task<Ok<RotatedSecretDto>> Rotate(string clientId, RotateSecretRequest? body, ISender sender, CancellationToken ct) =>
        TypedResults.Ok(await sender.Send(new RotateClientSecret(clientId, body?.OverlapSeconds), ct));

    private static async Task<NoContent> EndOverlap(string clientId, ISender sender, CancellationToken ct)
    {
        await sender.Send(new EndSecretOverlap(clientId), ct);
        return TypedResults.NoContent();
    }

    private static async Task<NoContent> Disable(string clientId, ISender sender, CancellationToken ct)
    {
        await sender.Send(new DisableSkill(clientId), ct);
        return TypedResults.NoContent();
    }

    private static async Task<NoContent> Enable(string clientId, ISender sender, CancellationToken ct)
    {
        await sender.Send(new EnableSkill(clientId), ct);
        return TypedResults.NoContent();
    }
}

/// <summary>The skill flattened with its one-time secret, so the registration answer reads like every other skill.</summary>
public sealed record RegisteredSkillResponse(
    Guid Id,
    string ClientId,
    string ClientSecret,
    string Name,
    string GrantType,
    IReadOnlyList<SkillScopeDto> Scopes,
    IReadOnlyList<string> Domains,
    IReadOnlyList<string> RedirectUrls,
    int AccessTokenLifetimeSeconds,
    int RefreshTokenLifetimeSeconds,
    bool Enabled,
    string AuthorizationUri,
    string TokenUri,
    string IntrospectionUri,
    string RevocationUri,
    string UserInfoUri,
    IReadOnlyList<string> ClientAuthenticationSchemes,
    DateTimeOffset CreatedAt)
{
    public static RegisteredSkillResponse From(RegisteredSkillDto registered)
    {
        var s = registered.Skill;
        return new(s.Id, s.ClientId, registered.ClientSecret, s.Name, s.GrantType, s.Scopes, s.Domains, s.RedirectUrls,
            s.AccessTokenLifetimeSeconds, s.RefreshTokenLifetimeSeconds, s.Enabled, s.AuthorizationUri, s.TokenUri, s.IntrospectionUri, s.RevocationUri,
            s.UserInfoUri, s.ClientAuthenticationSchemes, s.CreatedAt);
    }
}
