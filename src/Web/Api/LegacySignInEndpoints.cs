using AlexaLinkHub.Application.LegacySignIns;
using Mediator;
using Microsoft.AspNetCore.Http.HttpResults;

namespace AlexaLinkHub.Web.Api;

public sealed record LegacySignInSettingsRequest(string? Url, bool? Enabled);

/// <summary>Lazy migration: the vendor's own login endpoint, asked once for customers we do not know yet.</summary>
internal static class LegacySignInEndpoints
{
    public static void MapLegacySignInEndpoints(this RouteGroupBuilder tenant)
    {
        var legacy = tenant.MapGroup("/legacy-sign-in").WithTags("Legacy sign-in");
        legacy.MapPut("/", Put).WithSummary("Set the vendor's legacy sign-in URL (https) and whether it is used. The signing secret (whsec_…) is in the answer the first time only.");
        legacy.MapGet("/", Get).WithSummary("The legacy sign-in settings, never the secret.");
        legacy.MapDelete("/", Delete).WithSummary("Turn lazy migration off: the endpoint and its secret are deleted.");
        legacy.MapPost("/rotate-secret", Rotate).WithSummary("Replace the signing secret now; the new one is in this answer only.");
        legacy.MapPost("/test", Test).WithSummary("Call the endpoint for a made-up account, signed like a real sign-in: it should answer 401 or 404.");
    }

    private static async Task<Ok<LegacySignInDto>> Put(LegacySignInSettingsRequest body, ISender sender, CancellationToken ct) =>
        TypedResults.Ok(await sender.Send(new ConfigureLegacySignIn { Url = body.Url ?? string.Empty, Enabled = body.Enabled ?? true }, ct));

    private static async Task<Ok<LegacySignInDto>> Get(ISender sender, CancellationToken ct) =>
        TypedResults.Ok((await sender.Send(new GetLegacySignIn(), ct))!);

    private static async Task<NoContent> Delete(ISender sender, CancellationToken ct)
    {
        await sender.Send(new RemoveLegacySignIn(), ct);
        return TypedResults.NoContent();
    }

    private static async Task<Ok<LegacySignInDto>> Rotate(ISender sender, CancellationToken ct) =>
        TypedResults.Ok(await sender.Send(new RotateLegacySignInSecret(), ct));

    private static async Task<Ok<LegacySignInTestDto>> Test(ISender sender, CancellationToken ct) =>
        TypedResults.Ok(await sender.Send(new TestLegacySignIn(), ct));
}
