using AlexaLinkHub.Application.Maintenance;
using AlexaLinkHub.Application.Skills;
using AlexaLinkHub.Application.Tenants;
using AlexaLinkHub.Application.UnitTests.Support;
using AlexaLinkHub.Infrastructure.OAuth;
using AlexaLinkHub.Infrastructure.Persistence;
using AlexaLinkHub.TestSupport;
using Microsoft.EntityFrameworkCore;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace AlexaLinkHub.Application.UnitTests.Maintenance;

/// <summary>The pruning job's command: only tokens that can no longer be used, and only after the retention window.</summary>
public sealed class PruneTokensTests
{
    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.PostgreSql)]
    public async Task PruneTokens_RemovesOnlyExpiredAndRevokedPastRetention_InEveryTenant(DatabaseProvider provider)
    {
        await using var app = await AppServices.CreateAsync(provider);
        var now = app.Clock.GetUtcNow().UtcDateTime;
        var old = now.AddDays(-30);
        var acme = await SeedAsync(app, "acme", old, now);
        var other = await SeedAsync(app, "other", old, now);

        var result = await app.SendAsPlatformAsync<PruneResult>(new PruneTokens());

        // Per tenant: the expired, the revoked and the one under a revoked grant go; then the revoked grant and the grant
        // left without tokens.
        Assert.Equal(new PruneResult(6, 4), result);
        var tokens = await app.QueryDbAsync(db => db.Set<OAuthToken>().Select(t => t.Subject!).OrderBy(s => s).ToListAsync(TestActors.Ct));
        Assert.Equal(["acme:active", "acme:recently-revoked", "other:active", "other:recently-revoked"], tokens);
        var grants = await app.QueryDbAsync(db => db.Set<OAuthAuthorization>().Select(a => a.Id).ToListAsync(TestActors.Ct));
        Assert.Equal(new[] { acme.ActiveGrant, other.ActiveGrant }.Order(), grants.Order());
    }

    [Fact]
    public async Task PruneTokens_RetentionIsConfigurable()
    {
        await using var app = await AppServices.CreateAsync(settings: [new("OAuth:PruneAfter", "60.00:00:00")]);
        var now = app.Clock.GetUtcNow().UtcDateTime;
        await SeedAsync(app, "acme", now.AddDays(-30), now);

        var result = await app.SendAsPlatformAsync<PruneResult>(new PruneTokens());

        Assert.Equal(new PruneResult(0, 0), result);
        Assert.Equal(5, await app.QueryDbAsync(db => db.Set<OAuthToken>().CountAsync(TestActors.Ct)));
    }

    private sealed record Seeded(Guid ActiveGrant);

    /// <summary>A tenant with a skill and, all created <paramref name="old"/> unless said otherwise: an active token, an
    /// expired one, a revoked one, a revoked one created yesterday, and a valid one under a revoked grant.</summary>
    private static async Task<Seeded> SeedAsync(AppServices app, string slug, DateTime old, DateTime now)
    {
        var tenant = await app.CreateTenantAsync(slug);
        await app.AsAdminOf<RegisteredSkillDto>(tenant, Requests.Skill($"taxi-{slug}"));
        return await app.QueryDbAsync(async db =>
        {
            // A client is its skill's row.
            var skillId = await db.Skills.Where(s => s.ClientId == $"taxi-{slug}").Select(s => s.Id).SingleAsync(TestActors.Ct);
            var application = await db.Set<OAuthApplication>().SingleAsync(a => a.Id == skillId, TestActors.Ct);
            OAuthAuthorization Grant(string status) => new() { Application = application, Status = status, Type = AuthorizationTypes.AdHoc, Subject = slug, CreationDate = old };
            var active = Grant(Statuses.Valid);
            var emptied = Grant(Statuses.Valid);
            var revoked = Grant(Statuses.Revoked);
            OAuthToken Token(OAuthAuthorization grant, string subject, string status, DateTime created, DateTime expires) => new()
            {
                Application = application,
                Authorization = grant,
                Subject = $"{slug}:{subject}",
                Status = status,
                Type = TokenTypeHints.AccessToken,
                CreationDate = created,
                ExpirationDate = expires,
            };
            db.AddRange(active, emptied, revoked);
            db.AddRange(
                Token(active, "active", Statuses.Valid, old, now.AddYears(10)),
                Token(active, "recently-revoked", Statuses.Revoked, now.AddDays(-1), now.AddYears(10)),
                Token(emptied, "expired", Statuses.Valid, old, now.AddDays(-20)),
                Token(active, "revoked", Statuses.Revoked, old, now.AddYears(10)),
                Token(revoked, "under-revoked-grant", Statuses.Valid, old, now.AddYears(10)));
            await db.SaveChangesAsync(TestActors.Ct);
            return new Seeded(active.Id);
        }, tenant.Id);
    }
}
