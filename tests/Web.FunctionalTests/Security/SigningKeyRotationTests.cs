using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using AlexaLinkHub.Application.Common.Tenancy;
using AlexaLinkHub.Application.Maintenance;
using AlexaLinkHub.Infrastructure.OAuth;
using AlexaLinkHub.TestSupport;
using AlexaLinkHub.Web.FunctionalTests.Linking;
using AlexaLinkHub.Web.FunctionalTests.Linking.Support;
using AlexaLinkHub.Web.FunctionalTests.Support;
using Mediator;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;
using OpenIddict.Server;

namespace AlexaLinkHub.Web.FunctionalTests.Security;

/// <summary>Signing-key rotation across the rotation's life. Access tokens are reference tokens: what a key signs is the
/// token's stored payload (a JWS inside the server's JWE), and what the world sees of the keys is the JWKS of discovery.
/// So the test reads the stored payload of each new token (its <c>kid</c>, and that it verifies with a key the JWKS
/// publishes), and checks at introspection that tokens of the old key keep working.</summary>
public sealed class SigningKeyRotationTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Rotate_PublishesTheKeyAhead_SignsWithItAfterTheDelay_KeepsTheOldOneUntilItsTokensExpired()
    {
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 12, 1, 9, 0, 0, TimeSpan.Zero));
        await using var app = await AlexaLinkHubFactory.CreateAsync(settings: new Dictionary<string, string?> { ["App:PublicBaseUrl"] = ApiFixture.PublicBaseUrl }, clock: clock);
        using var platform = app.CreateApiClient();
        var setup = await platform.ArrangeLinkAsync(new SkillSpec { AccessTokenLifetimeSeconds = 360 });
        var before = await JwksAsync(platform, setup.Slug);
        var (oldToken, oldKid) = await LinkAsync(app, setup);

        var rotated = await ApiAssert.JsonAsync(await platform.PostAsJsonAsync("/api/v1/platform/keys/rotate", new { activateAfterSeconds = 60 }, Ct), HttpStatusCode.OK);
        var published = await JwksAsync(platform, setup.Slug);
        var (_, stillOld) = await LinkAsync(app, setup);
        clock.Advance(TimeSpan.FromSeconds(61));
        var (newToken, newKid) = await LinkAsync(app, setup);

        Assert.Equal([oldKid], before.Keys.Select(k => k.Kid));
        Assert.Equal(oldKid, rotated.Str("current"));
        var next = rotated.Str("next");
        Assert.NotEqual(oldKid, next);
        Assert.Equal(["active", "published"], rotated.GetProperty("keys").EnumerateArray().Select(k => k.Str("status")));
        Assert.Equal(new[] { oldKid, next }.Order(), published.Keys.Select(k => k.Kid).Order());
        Assert.Equal(oldKid, stillOld);
        Assert.Equal(next, newKid);
        Assert.True(await LinkAssert.IsActiveAsync(platform, setup.Skill, oldToken));
        Assert.True(await LinkAssert.IsActiveAsync(platform, setup.Skill, newToken));
        Assert.Equal(1, await app.WithDbAsync(db => db.AuditEvents.CountAsync(e => e.Action == "platform.signing_key_rotated", Ct)));

        // Every token the old key signed expires (6 minutes); the daily pruning retires the key, the new one stays.
        clock.Advance(TimeSpan.FromSeconds(360));
        var pruned = await SendAsSystemAsync<PruneResult>(app, new PruneTokens());
        await app.Services.GetRequiredService<SigningKeyRing>().RefreshAsync(Ct);
        var after = await JwksAsync(platform, setup.Slug);

        Assert.Equal(1, pruned.SigningKeys);
        Assert.Equal([next], after.Keys.Select(k => k.Kid));
        Assert.True(await LinkAssert.IsActiveAsync(platform, setup.Skill, newToken));
    }

    [Fact]
    public async Task Rotate_WithoutThePlatformKey_IsForbidden()
    {
        await using var app = await AlexaLinkHubFactory.CreateAsync();
        using var platform = app.CreateApiClient();
        var slug = ApiFixture.NewSlug("rot");
        await platform.CreateTenantOkAsync(slug);
        using var tenant = app.CreateApiClient(await platform.CreateTenantKeyAsync(slug));

        var response = await tenant.PostAsJsonAsync("/api/v1/platform/keys/rotate", new { }, Ct);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }

    private static async Task<JsonWebKeySet> JwksAsync(HttpClient http, string slug)
    {
        var discovery = JsonDocument.Parse(await http.GetStringAsync($"/t/{slug}/.well-known/openid-configuration", Ct)).RootElement;
        return new JsonWebKeySet(await http.GetStringAsync(new Uri(discovery.Str("jwks_uri")).PathAndQuery, Ct));
    }

    /// <summary>Links once more; returns the token and the kid its stored payload is signed with — having checked that the
    /// payload verifies with a key the tenant's JWKS publishes.</summary>
    private static async Task<(string Token, string Kid)> LinkAsync(AlexaLinkHubFactory app, LinkSetup setup)
    {
        var known = await app.WithDbAsync(db => db.Set<OAuthToken>().Select(t => t.Id).ToListAsync(Ct));
        var token = await app.LinkForTokenAsync(setup);
        var payload = await app.WithDbAsync(db => db.Set<OAuthToken>().Where(t => !known.Contains(t.Id)).Select(t => t.Payload).SingleAsync(Ct));
        var options = app.Services.GetRequiredService<IOptionsMonitor<OpenIddictServerOptions>>().CurrentValue;
        var handler = new JsonWebTokenHandler();
        using var platform = app.CreateApiClient();
        var validation = await handler.ValidateTokenAsync(payload, new TokenValidationParameters
        {
            TokenDecryptionKeys = options.EncryptionCredentials.Select(c => c.Key),
            IssuerSigningKeys = (await JwksAsync(platform, setup.Slug)).GetSigningKeys(),
            ValidateIssuer = false,
            ValidateAudience = false,
            ValidateLifetime = false,
        });
        Assert.True(validation.IsValid, $"The stored payload does not verify with the published keys: {validation.Exception?.Message}");
        return (token, ((JsonWebToken)validation.SecurityToken).InnerToken.Kid);
    }

    private static async Task<T> SendAsSystemAsync<T>(AlexaLinkHubFactory app, IMessage message)
    {
        await using var scope = app.Services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<ActorContext>().Set(Actor.System);
        scope.ServiceProvider.GetRequiredService<TenantContext>().EnterPlatformScope();
        return (T)(await scope.ServiceProvider.GetRequiredService<ISender>().Send((object)message, Ct))!;
    }
}
