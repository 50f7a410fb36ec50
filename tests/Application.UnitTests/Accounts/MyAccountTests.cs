using AlexaLinkHub.Application.Accounts;
using AlexaLinkHub.Application.Common.Exceptions;
using AlexaLinkHub.Application.Linking;
using AlexaLinkHub.Application.Skills;
using AlexaLinkHub.Application.Tenants;
using AlexaLinkHub.Application.UnitTests.Support;
using AlexaLinkHub.Application.Users;
using AlexaLinkHub.Domain.Audit;
using AlexaLinkHub.Domain.Links;
using AlexaLinkHub.Infrastructure.OAuth;
using AlexaLinkHub.Infrastructure.Persistence;
using AlexaLinkHub.TestSupport;
using FluentValidation;
using Microsoft.EntityFrameworkCore;
using static AlexaLinkHub.Application.UnitTests.Accounts.AccountActors;
using static AlexaLinkHub.Application.UnitTests.Support.TestActors;

namespace AlexaLinkHub.Application.UnitTests.Accounts;

/// <summary>The account page's use cases: the skills I linked, unlinking one, changing my password.</summary>
public sealed class MyAccountTests
{
    private static async Task<(TenantDto Tenant, SkillDto Taxi, SkillDto Pizza, EndUserDto Jo)> ArrangeAsync(AppServices app)
    {
        var acme = await app.CreateTenantAsync("acme");
        var taxi = (await app.AsAdminOf<RegisteredSkillDto>(acme, Requests.Skill("taxi", "Taxi"))).Skill;
        var pizza = (await app.AsAdminOf<RegisteredSkillDto>(acme, Requests.Skill("pizza", "Pizza") with
        {
            Scopes = [new SkillScopeDto("pizza.order", "order a pizza")],
        })).Skill;
        return (acme, taxi, pizza, await app.CreateUserAsync(acme));
    }

    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.PostgreSql)]
    public async Task UnlinkSkill_RevokesOnlyThatSkillsLinksWithTheirGrantsAndAuditsAccountUnlinked(DatabaseProvider provider)
    {
        await using var app = await AppServices.CreateAsync(provider);
        var (acme, taxi, pizza, jo) = await ArrangeAsync(app);
        var otherUser = await app.CreateUserAsync(acme, "kim@example.com");
        var taxiLinks = new[]
        {
            await app.AsEndUser<LinkResult>(acme, jo.Id, new LinkAccount("taxi", ["taxi.order"])),
            await app.AsEndUser<LinkResult>(acme, jo.Id, new LinkAccount("taxi", ["taxi.status"])),
        };
        var pizzaLink = await app.AsEndUser<LinkResult>(acme, jo.Id, new LinkAccount("pizza", ["pizza.order"]));
        var kimsTaxi = await app.AsEndUser<LinkResult>(acme, otherUser.Id, new LinkAccount("taxi", ["taxi.order"]));

        var result = await app.AsEndUser<RevocationResult>(acme, jo.Id, new UnlinkSkill("taxi"));

        Assert.Equal(2, result.RevokedLinks);
        var links = await app.QueryDbAsync(db => db.AccountLinks.ToDictionaryAsync(l => l.Id, Ct));
        Assert.All(taxiLinks, l => Assert.Equal((false, LinkRevocationReasons.UserUnlinked), (links[l.LinkId].IsActive, links[l.LinkId].RevokedReason)));
        Assert.True(links[pizzaLink.LinkId].IsActive);
        Assert.True(links[kimsTaxi.LinkId].IsActive);
        var grants = await app.QueryDbAsync(db => db.Set<OAuthAuthorization>().ToDictionaryAsync(a => a.Id.ToString(), a => a.Status, Ct));
        Assert.All(taxiLinks, l => Assert.Equal("revoked", grants[l.GrantId]));
        Assert.Equal("valid", grants[pizzaLink.GrantId]);
        Assert.Equal("valid", grants[kimsTaxi.GrantId]);
        var audits = await app.AuditEventsAsync(AuditActions.AccountUnlinked);
        Assert.Equal(2, audits.Count);
        Assert.All(audits, a =>
        {
            Assert.Equal((acme.Id, $"user:{jo.Id}", $"user:{jo.Id}"), (a.TenantId!.Value, a.Target, a.Actor));
            Assert.StartsWith("clientId=taxi; linkId=", a.Details, StringComparison.Ordinal);
            Assert.EndsWith("; reason=user_unlinked", a.Details, StringComparison.Ordinal);
        });
        Assert.Empty(await app.AuditEventsAsync(AuditActions.TokenRevoked));
        Assert.Equal(["Pizza"], (await app.AsEndUser<IReadOnlyList<MyLinkedSkill>>(acme, jo.Id, new ListMyLinkedSkills())).Select(s => s.SkillName));
    }

    [Fact]
    public async Task UnlinkSkill_NotLinkedOrUnknownSkill_RevokesNothingAndAuditsNothing()
    {
        await using var app = await AppServices.CreateAsync();
        var (acme, _, _, jo) = await ArrangeAsync(app);

        Assert.Equal(0, (await app.AsEndUser<RevocationResult>(acme, jo.Id, new UnlinkSkill("taxi"))).RevokedLinks);
        Assert.Equal(0, (await app.AsEndUser<RevocationResult>(acme, jo.Id, new UnlinkSkill("no-such-skill"))).RevokedLinks);
        Assert.Empty(await app.AuditEventsAsync(AuditActions.AccountUnlinked));
    }

    [Fact]
    public async Task UnlinkSkill_Anonymous_IsForbidden()
    {
        await using var app = await AppServices.CreateAsync();
        var (acme, _, _, _) = await ArrangeAsync(app);

        await Assert.ThrowsAsync<ForbiddenException>(() => app.AsVisitorOf<RevocationResult>(acme, new UnlinkSkill("taxi")));
    }

    [Fact]
    public async Task ListMyLinkedSkills_ShowsEachSkillOnceByNameWithTheAccessGrantedAcrossItsLinks()
    {
        await using var app = await AppServices.CreateAsync();
        var (acme, _, _, jo) = await ArrangeAsync(app);
        var first = app.Clock.GetUtcNow();
        await app.AsEndUser<LinkResult>(acme, jo.Id, new LinkAccount("taxi", ["taxi.status"]));
        app.Clock.Advance(TimeSpan.FromMinutes(5));
        await app.AsEndUser<LinkResult>(acme, jo.Id, new LinkAccount("taxi", ["taxi.order", "taxi.status"]));
        await app.AsEndUser<LinkResult>(acme, jo.Id, new LinkAccount("pizza", ["pizza.order"]));

        var mine = await app.AsEndUser<IReadOnlyList<MyLinkedSkill>>(acme, jo.Id, new ListMyLinkedSkills());

        Assert.Equal(
            [
                ("pizza", "Pizza", "order a pizza", first + TimeSpan.FromMinutes(5)),
                ("taxi", "Taxi", "order a taxi on your behalf|see where your taxi is", first),
            ],
            mine.Select(s => (s.ClientId, s.SkillName, string.Join('|', s.Access), s.LinkedAt)));
        Assert.Empty(await app.AsEndUser<IReadOnlyList<MyLinkedSkill>>(acme, (await app.CreateUserAsync(acme, "kim@example.com")).Id, new ListMyLinkedSkills()));
    }

    [Fact]
    public async Task ChangePassword_WrongCurrentPassword_FailsAndKeepsTheOldPassword()
    {
        await using var app = await AppServices.CreateAsync();
        var acme = await app.CreateTenantAsync("acme");
        var jo = await app.CreateUserAsync(acme);

        var changed = await app.AsEndUser<bool>(acme, jo.Id, new ChangePassword { CurrentPassword = "not my password", NewPassword = NewPassword });

        Assert.False(changed);
        Assert.True((await app.SignInAsync(acme, jo.Email, Password)).Succeeded);
        Assert.False((await app.SignInAsync(acme, jo.Email, NewPassword)).Succeeded);
        Assert.Empty(await app.AuditEventsAsync(AuditActions.PasswordChanged));
    }

    [Fact]
    public async Task ChangePassword_RightCurrentPassword_ChangesItAndEndsOutstandingResetLinks()
    {
        await using var app = await AppServices.CreateAsync();
        var acme = await app.CreateTenantAsync("acme");
        var jo = await app.CreateUserAsync(acme);
        var resetToken = await app.RequestResetTokenAsync(acme, jo.Email);

        var changed = await app.AsEndUser<bool>(acme, jo.Id, new ChangePassword { CurrentPassword = Password, NewPassword = NewPassword });

        Assert.True(changed);
        Assert.True((await app.SignInAsync(acme, jo.Email, NewPassword)).Succeeded);
        Assert.Equal(SignInStatus.BadCredentials, (await app.SignInAsync(acme, jo.Email, Password)).Status);
        Assert.Equal($"user:{jo.Id}", Assert.Single(await app.AuditEventsAsync(AuditActions.PasswordChanged)).Target);
        Assert.False((await app.ResetAsync(acme, resetToken, "an attacker's password")).Succeeded);
    }

    [Fact]
    public async Task ChangePassword_CommonNewPassword_IsRefusedAsTooCommon()
    {
        await using var app = await AppServices.CreateAsync();
        var acme = await app.CreateTenantAsync("acme");
        var jo = await app.CreateUserAsync(acme);

        var refused = await Assert.ThrowsAsync<ValidationException>(() =>
            app.AsEndUser<bool>(acme, jo.Id, new ChangePassword { CurrentPassword = Password, NewPassword = "football1" }));

        Assert.Equal([PasswordRules.TooCommonMessage], refused.MessagesFor("NewPassword"));
        Assert.True((await app.SignInAsync(acme, jo.Email, Password)).Succeeded);
    }
}
