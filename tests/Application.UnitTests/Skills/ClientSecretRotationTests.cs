using AlexaLinkHub.Application.Common.Security;
using AlexaLinkHub.Application.Skills;
using AlexaLinkHub.Application.UnitTests.Support;
using AlexaLinkHub.Domain.Audit;
using AlexaLinkHub.Domain.Skills;
using AlexaLinkHub.Infrastructure.Persistence;
using AlexaLinkHub.TestSupport;
using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;
using static AlexaLinkHub.Application.UnitTests.Support.TestActors;

namespace AlexaLinkHub.Application.UnitTests.Skills;

public sealed class ClientSecretRotationTests
{
    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.PostgreSql)]
    public async Task Rotate_ByDefault_KeepsThePreviousSecretFor24HoursThenStops(DatabaseProvider provider)
    {
        await using var app = await AppServices.CreateAsync(provider);
        var acme = await app.CreateTenantAsync("acme");
        var original = await app.AsAdminOf<RegisteredSkillDto>(acme, Requests.Skill(clientId: "taxi"));
        var rotatedAt = app.Clock.GetUtcNow();

        var rotated = await app.AsAdminOf<RotatedSecretDto>(acme, new RotateClientSecret("taxi"));

        Assert.NotEqual(original.ClientSecret, rotated.ClientSecret);
        Assert.Equal(rotatedAt.AddHours(24), rotated.PreviousSecretValidUntil);
        var stored = await LoadAsync(app);
        Assert.True(SecretTokens.Matches(rotated.ClientSecret, stored.ClientSecretHash));
        Assert.True(SecretTokens.Matches(original.ClientSecret, stored.PreviousClientSecretHash));
        Assert.Equal(rotatedAt.AddHours(24), stored.PreviousSecretValidUntil);

        app.Clock.Advance(TimeSpan.FromHours(24) - TimeSpan.FromSeconds(1));
        Assert.True(stored.IsPreviousSecretValid(app.Clock.GetUtcNow()));
        Assert.Equal(rotatedAt.AddHours(24), (await app.AsAdminOf<SkillDto>(acme, new GetSkill("taxi"))).PreviousSecretValidUntil);

        app.Clock.Advance(TimeSpan.FromSeconds(1));
        Assert.False(stored.IsPreviousSecretValid(app.Clock.GetUtcNow()));
        Assert.Null((await app.AsAdminOf<SkillDto>(acme, new GetSkill("taxi"))).PreviousSecretValidUntil);
    }

    [Fact]
    public async Task Rotate_DefaultOverlap_ComesFromSkillOptions()
    {
        await using var app = await AppServices.CreateAsync(settings: [new("Skills:SecretRotationOverlap", "02:00:00")]);
        var acme = await app.CreateTenantAsync("acme");
        await app.AsAdminOf<RegisteredSkillDto>(acme, Requests.Skill(clientId: "taxi"));

        var rotated = await app.AsAdminOf<RotatedSecretDto>(acme, new RotateClientSecret("taxi"));

        Assert.Equal(app.Clock.GetUtcNow().AddHours(2), rotated.PreviousSecretValidUntil);
    }

    [Fact]
    public async Task Rotate_ExplicitOverlap_IsUsedInsteadOfTheDefault()
    {
        await using var app = await AppServices.CreateAsync();
        var acme = await app.CreateTenantAsync("acme");
        var original = await app.AsAdminOf<RegisteredSkillDto>(acme, Requests.Skill(clientId: "taxi"));

        var rotated = await app.AsAdminOf<RotatedSecretDto>(acme, new RotateClientSecret("taxi", OverlapSeconds: 600));

        Assert.Equal(app.Clock.GetUtcNow().AddMinutes(10), rotated.PreviousSecretValidUntil);
        var stored = await LoadAsync(app);
        Assert.True(SecretTokens.Matches(original.ClientSecret, stored.PreviousClientSecretHash));
        app.Clock.Advance(TimeSpan.FromMinutes(10));
        Assert.False(stored.IsPreviousSecretValid(app.Clock.GetUtcNow()));
    }

    [Fact]
    public async Task Rotate_ZeroOverlap_DropsThePreviousSecretAtOnce()
    {
        await using var app = await AppServices.CreateAsync();
        var acme = await app.CreateTenantAsync("acme");
        await app.AsAdminOf<RegisteredSkillDto>(acme, Requests.Skill(clientId: "taxi"));

        var rotated = await app.AsAdminOf<RotatedSecretDto>(acme, new RotateClientSecret("taxi", OverlapSeconds: 0));

        Assert.Null(rotated.PreviousSecretValidUntil);
        var stored = await LoadAsync(app);
        Assert.Null(stored.PreviousClientSecretHash);
        Assert.Null(stored.PreviousSecretValidUntil);
        Assert.True(SecretTokens.Matches(rotated.ClientSecret, stored.ClientSecretHash));
    }

    [Theory]
    [InlineData(-1)]
    [InlineData(30 * 24 * 3600 + 1)]
    public async Task Rotate_OverlapOutOfRange_IsRefused(int seconds)
    {
        await using var app = await AppServices.CreateAsync();
        var acme = await app.CreateTenantAsync("acme");
        var original = await app.AsAdminOf<RegisteredSkillDto>(acme, Requests.Skill(clientId: "taxi"));

        var invalid = await Assert.ThrowsAsync<ValidationException>(() => app.AsAdminOf<RotatedSecretDto>(acme, new RotateClientSecret("taxi", seconds)));

        Assert.Contains("30 days", Assert.Single(invalid.MessagesFor("overlapSeconds")), StringComparison.Ordinal);
        Assert.True(SecretTokens.Matches(original.ClientSecret, (await LoadAsync(app)).ClientSecretHash));
    }

    [Fact]
    public async Task Rotate_IsAuditedWithoutEitherSecret()
    {
        await using var app = await AppServices.CreateAsync();
        var acme = await app.CreateTenantAsync("acme");
        var original = await app.AsAdminOf<RegisteredSkillDto>(acme, Requests.Skill(clientId: "taxi"));

        var rotated = await app.AsAdminOf<RotatedSecretDto>(acme, new RotateClientSecret("taxi"));

        var audit = Assert.Single(await app.AuditEventsAsync(AuditActions.SkillSecretRotated));
        Assert.Equal("skill:taxi", audit.Target);
        Assert.Contains("previousSecretValidUntil=2026-11-26T12:00:00", audit.Details, StringComparison.Ordinal);
        var everything = (await app.AllValuesAsync("AuditEvents")).Concat(await app.AllValuesAsync("Skills")).ToList();
        Assert.DoesNotContain(everything, v => v.Contains(rotated.ClientSecret, StringComparison.Ordinal) || v.Contains(original.ClientSecret, StringComparison.Ordinal));
    }

    [Fact]
    public async Task EndSecretOverlap_StopsThePreviousSecretNowAndIsAudited()
    {
        await using var app = await AppServices.CreateAsync();
        var acme = await app.CreateTenantAsync("acme");
        await app.AsAdminOf<RegisteredSkillDto>(acme, Requests.Skill(clientId: "taxi"));
        var rotated = await app.AsAdminOf<RotatedSecretDto>(acme, new RotateClientSecret("taxi"));
        app.Clock.Advance(TimeSpan.FromHours(1));

        await app.AsAdminOf<Unit>(acme, new EndSecretOverlap("taxi"));

        var stored = await LoadAsync(app);
        Assert.Null(stored.PreviousClientSecretHash);
        Assert.Null(stored.PreviousSecretValidUntil);
        Assert.False(stored.IsPreviousSecretValid(app.Clock.GetUtcNow()));
        Assert.True(SecretTokens.Matches(rotated.ClientSecret, stored.ClientSecretHash));
        Assert.Null((await app.AsAdminOf<SkillDto>(acme, new GetSkill("taxi"))).PreviousSecretValidUntil);
        var audit = Assert.Single(await app.AuditEventsAsync(AuditActions.SkillSecretOverlapEnded));
        Assert.Equal((acme.Id, "skill:taxi"), (audit.TenantId!.Value, audit.Target));
    }

    private static Task<Skill> LoadAsync(AppServices app) => app.QueryDbAsync(db => db.Skills.AsNoTracking().SingleAsync(Ct));
}
