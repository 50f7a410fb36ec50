using AlexaLinkHub.Application.Common.Security;
using AlexaLinkHub.Application.Skills;
using AlexaLinkHub.Application.UnitTests.Support;
using AlexaLinkHub.Domain.Audit;
using AlexaLinkHub.Infrastructure.Persistence;
using AlexaLinkHub.TestSupport;
using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;
using static AlexaLinkHub.Application.UnitTests.Support.TestActors;

namespace AlexaLinkHub.Application.UnitTests.Skills;

public sealed class SkillLifecycleCommandTests
{
    [Fact]
    public async Task Update_ReplacesTheWholeConfiguration_KeepingClientIdAndSecret()
    {
        await using var app = await AppServices.CreateAsync();
        var acme = await app.CreateTenantAsync("acme");
        var registered = await app.AsAdminOf<RegisteredSkillDto>(acme, Requests.Skill(clientId: "taxi") with { AccessTokenLifetimeSeconds = 7200 });
        app.Clock.Advance(TimeSpan.FromMinutes(5));

        var updated = await app.AsAdminOf<SkillDto>(acme, new UpdateSkill
        {
            ClientId = "taxi",
            Name = "Taxi Pro",
            GrantType = "implicit",
            Scopes = [new SkillScopeDto("rides", "book rides")],
            RedirectUrls = [Requests.AlexaRedirectEu],
        });

        // PUT: what is left out is gone (domains) or back to its default (the grant type's token lifetime).
        Assert.Equal(("taxi", "Taxi Pro", "implicit"), (updated.ClientId, updated.Name, updated.GrantType));
        Assert.Equal(["rides"], updated.Scopes.Select(s => s.Name));
        Assert.Empty(updated.Domains);
        Assert.Equal([Requests.AlexaRedirectEu], updated.RedirectUrls);
        Assert.Equal((int)TimeSpan.FromDays(3650).TotalSeconds, updated.AccessTokenLifetimeSeconds);
        Assert.Equal(app.Clock.GetUtcNow(), updated.UpdatedAt);
        Assert.Equal(registered.Skill.CreatedAt, updated.CreatedAt);

        var stored = await app.QueryDbAsync(db => db.Skills.SingleAsync(Ct));
        Assert.Equal(("Taxi Pro", 1, 0), (stored.Name, stored.Scopes.Count, stored.Domains.Count));
        Assert.True(SecretTokens.Matches(registered.ClientSecret, stored.ClientSecretHash));
        var audit = Assert.Single(await app.AuditEventsAsync(AuditActions.SkillUpdated));
        Assert.Equal((acme.Id, "skill:taxi"), (audit.TenantId!.Value, audit.Target));
        Assert.Contains("name=Taxi Pro", audit.Details, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Update_InvalidSettings_AreRefusedAndNothingChanges()
    {
        await using var app = await AppServices.CreateAsync();
        var acme = await app.CreateTenantAsync("acme");
        await app.AsAdminOf<RegisteredSkillDto>(acme, Requests.Skill(clientId: "taxi"));

        var invalid = await Assert.ThrowsAsync<ValidationException>(() => app.AsAdminOf<SkillDto>(acme, new UpdateSkill
        {
            ClientId = "taxi",
            Name = "Taxi",
            GrantType = "authorization_code",
            Domains = Enumerable.Range(1, 31).Select(i => $"d{i}.example.com").ToList(),
            RedirectUrls = ["http://pitangui.amazon.com/api/skill/link/M2A"],
        }));

        invalid.MessagesFor("domains");
        invalid.MessagesFor("redirectUrls[0]");
        var stored = await app.QueryDbAsync(db => db.Skills.SingleAsync(Ct));
        Assert.Equal([Requests.AlexaRedirect, Requests.AlexaRedirectEu], stored.RedirectUrls);
        Assert.Empty(await app.AuditEventsAsync(AuditActions.SkillUpdated));
    }

    [Fact]
    public async Task DisableAndEnable_AreIdempotentAndAuditedOnceEach()
    {
        await using var app = await AppServices.CreateAsync();
        var acme = await app.CreateTenantAsync("acme");
        await app.AsAdminOf<RegisteredSkillDto>(acme, Requests.Skill(clientId: "taxi"));

        await app.AsAdminOf<Unit>(acme, new DisableSkill("taxi"));
        await app.AsAdminOf<Unit>(acme, new DisableSkill("taxi"));

        Assert.False((await app.AsAdminOf<SkillDto>(acme, new GetSkill("taxi"))).Enabled);
        Assert.False(await app.QueryDbAsync(db => db.Skills.Select(s => s.Enabled).SingleAsync(Ct)));
        Assert.Equal("skill:taxi", Assert.Single(await app.AuditEventsAsync(AuditActions.SkillDisabled)).Target);

        await app.AsAdminOf<Unit>(acme, new EnableSkill("taxi"));
        await app.AsAdminOf<Unit>(acme, new EnableSkill("taxi"));

        Assert.True((await app.AsAdminOf<SkillDto>(acme, new GetSkill("taxi"))).Enabled);
        Assert.Single(await app.AuditEventsAsync(AuditActions.SkillEnabled));
        Assert.Single(await app.AuditEventsAsync(AuditActions.SkillDisabled));
    }

    [Fact]
    public async Task Enable_AnAlreadyEnabledSkill_AuditsNothing()
    {
        await using var app = await AppServices.CreateAsync();
        var acme = await app.CreateTenantAsync("acme");
        await app.AsAdminOf<RegisteredSkillDto>(acme, Requests.Skill(clientId: "taxi"));

        await app.AsAdminOf<Unit>(acme, new EnableSkill("taxi"));

        Assert.Empty(await app.AuditEventsAsync(AuditActions.SkillEnabled));
    }
}
