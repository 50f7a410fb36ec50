using AlexaLinkHub.Application.Common.Exceptions;
using AlexaLinkHub.Application.Common.Models;
using AlexaLinkHub.Application.Linking;
using AlexaLinkHub.Application.Skills;
using AlexaLinkHub.Application.UnitTests.Support;
using AlexaLinkHub.Application.Users;
using AlexaLinkHub.Domain.Audit;
using AlexaLinkHub.Infrastructure.Persistence;
using AlexaLinkHub.TestSupport;
using Microsoft.EntityFrameworkCore;
using static AlexaLinkHub.Application.UnitTests.Support.TestActors;

namespace AlexaLinkHub.Application.UnitTests.Users;

public sealed class DeleteEndUserTests
{
    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.PostgreSql)]
    public async Task Delete_ErasesPersonalDataRevokesLinksAndAnonymisesTheTrail(DatabaseProvider provider)
    {
        await using var app = await AppServices.CreateAsync(provider);
        var acme = await app.CreateTenantAsync("acme");
        var skill = await app.AsAdminOf<RegisteredSkillDto>(acme, Requests.Skill("taxi-skill"));
        var user = await app.AsAdminOf<EndUserDto>(acme, Requests.User("erin@example.com", "Erin Erasable", externalId: "crm-4711"));
        app.Clock.Advance(TimeSpan.FromMinutes(1));
        await app.AsEndUserOf<LinkResult>(acme, user.Id, new LinkAccount(skill.Skill.ClientId, ["taxi.order"]));
        app.Clock.Advance(TimeSpan.FromMinutes(1));
        await app.AsVisitorOf<SignInOutcome>(acme, new SignInEndUser { Email = "erin@example.com", Password = "wrong password" });
        app.Clock.Advance(TimeSpan.FromMinutes(1));

        var result = await app.AsAdminOf<RevocationResult>(acme, new DeleteEndUser(user.Id));

        Assert.Equal(1, result.RevokedLinks);
        var stored = await app.QueryDbAsync(db => db.EndUsers.SingleAsync(Ct));
        Assert.Equal((user.Id, false, "Deleted user", (string?)null), (stored.Id, stored.Enabled, stored.DisplayName, stored.ExternalId));
        Assert.NotNull(stored.ErasedAt);
        var raw = string.Join('|', await app.AllValuesAsync("EndUsers"));
        Assert.DoesNotContain("erin", raw, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("crm-4711", raw, StringComparison.Ordinal);
        Assert.Equal(0, await app.QueryDbAsync(db => db.SignInThrottles.CountAsync(Ct)));
        var link = await app.QueryDbAsync(db => db.AccountLinks.SingleAsync(Ct));
        Assert.Equal("user_deleted", link.RevokedReason);

        var trail = await app.AuditEventsAsync();
        var aboutUser = trail.Where(e => e.Target == $"user:{user.Id}" || e.Actor == $"user:{user.Id}").ToList();
        Assert.Equal([AuditActions.UserCreated, AuditActions.AccountLinked, AuditActions.LinkFailed], aboutUser.Take(3).Select(e => e.Action));
        Assert.Equal([AuditActions.TokenRevoked, AuditActions.UserDeleted], aboutUser.Skip(3).Select(e => e.Action).Order());
        // What happened stays, with the user as an id only: no IP of theirs, no quoted personal data.
        Assert.Equal(Domain.Audit.AuditEvent.RedactedDetails, aboutUser[0].Details);
        Assert.StartsWith($"clientId={skill.Skill.ClientId}; scopes=taxi.order", aboutUser[1].Details, StringComparison.Ordinal);
        Assert.All(aboutUser.Take(3), e => Assert.Null(e.SourceIp));
        Assert.DoesNotContain(trail, e => (e.Details ?? string.Empty).Contains("crm-4711", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Delete_TheUserIsGoneFromEveryLookupAndTheEmailCanBeUsedAgain()
    {
        await using var app = await AppServices.CreateAsync();
        var acme = await app.CreateTenantAsync("acme");
        var user = await app.AsAdminOf<EndUserDto>(acme, Requests.User("erin@example.com"));

        await app.AsAdminOf<RevocationResult>(acme, new DeleteEndUser(user.Id));

        await Assert.ThrowsAsync<NotFoundException>(() => app.AsAdminOf<EndUserDto>(acme, new GetEndUser(user.Id)));
        await Assert.ThrowsAsync<NotFoundException>(() => app.AsAdminOf<RevocationResult>(acme, new DeleteEndUser(user.Id)));
        Assert.Equal(0, (await app.AsAdminOf<Page<EndUserDto>>(acme, new FindEndUsers())).TotalCount);
        var signIn = await app.AsVisitorOf<SignInOutcome>(acme, new SignInEndUser { Email = $"erased-{user.Id:N}@erased.invalid", Password = "correct horse battery" });
        Assert.Equal(SignInStatus.BadCredentials, signIn.Status);
        var again = await app.AsAdminOf<EndUserDto>(acme, Requests.User("erin@example.com"));
        Assert.NotEqual(user.Id, again.Id);
    }

    [Fact]
    public async Task Delete_AnotherTenantsUser_IsNotFoundAndErasesNothing()
    {
        await using var app = await AppServices.CreateAsync();
        var acme = await app.CreateTenantAsync("acme");
        var globex = await app.CreateTenantAsync("globex");
        var user = await app.AsAdminOf<EndUserDto>(globex, Requests.User("erin@example.com"));

        await Assert.ThrowsAsync<NotFoundException>(() => app.AsAdminOf<RevocationResult>(acme, new DeleteEndUser(user.Id)));

        Assert.Equal("erin@example.com", (await app.AsAdminOf<EndUserDto>(globex, new GetEndUser(user.Id))).Email);
    }

    [Fact]
    public async Task DisableAndEnable_AreAuditedAndIdempotent()
    {
        await using var app = await AppServices.CreateAsync();
        var acme = await app.CreateTenantAsync("acme");
        var user = await app.AsAdminOf<EndUserDto>(acme, Requests.User("jo@example.com"));

        await app.AsAdminOf<Mediator.Unit>(acme, new DisableEndUser(user.Id));
        await app.AsAdminOf<Mediator.Unit>(acme, new DisableEndUser(user.Id));
        app.Clock.Advance(TimeSpan.FromMinutes(1));
        var disabled = await app.AsAdminOf<EndUserDto>(acme, new GetEndUser(user.Id));
        var signIn = await app.AsVisitorOf<SignInOutcome>(acme, new SignInEndUser { Email = "jo@example.com", Password = "correct horse battery" });
        await app.AsAdminOf<Mediator.Unit>(acme, new EnableEndUser(user.Id));

        Assert.False(disabled.Enabled);
        Assert.Equal(SignInStatus.Disabled, signIn.Status);
        Assert.True((await app.AsAdminOf<EndUserDto>(acme, new GetEndUser(user.Id))).Enabled);
        Assert.Equal([AuditActions.UserDisabled, AuditActions.UserEnabled],
            (await app.AuditEventsAsync()).Where(e => e.Action is AuditActions.UserDisabled or AuditActions.UserEnabled).Select(e => e.Action));
    }
}
