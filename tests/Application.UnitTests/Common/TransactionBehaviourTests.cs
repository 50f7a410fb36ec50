using AlexaLinkHub.Application.Bootstrap;
using AlexaLinkHub.Application.Common.Exceptions;
using AlexaLinkHub.Application.UnitTests.Support;
using AlexaLinkHub.Application.Users;
using AlexaLinkHub.Domain.Audit;
using AlexaLinkHub.Domain.Common;
using AlexaLinkHub.Infrastructure.Persistence;
using AlexaLinkHub.TestSupport;
using Microsoft.EntityFrameworkCore;
using static AlexaLinkHub.Application.UnitTests.Support.TestActors;

namespace AlexaLinkHub.Application.UnitTests.Common;

public sealed class TransactionBehaviourTests
{
    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.PostgreSql)]
    public async Task Command_ThrowingAfterAddingRows_LeavesNoRowsAndNoAuditEvent(DatabaseProvider provider)
    {
        await using var app = await AppServices.CreateAsync(provider);

        // The handler adds the platform key and its audit event, then the admin's email fails the entity's rule.
        var refused = await Assert.ThrowsAsync<DomainException>(() =>
            app.SendAsPlatformAsync<BootstrapResult>(new BootstrapPlatform("alh_configured-platform-key-0123456789", "not-an-email", "a long password")));

        Assert.Equal("email", refused.Field);
        Assert.Equal(0, await app.QueryDbAsync(db => db.ApiKeys.CountAsync(Ct)));
        Assert.Equal(0, await app.QueryDbAsync(db => db.AdminUsers.CountAsync(Ct)));
        Assert.Empty(await app.AuditEventsAsync());
    }

    [Fact]
    public async Task Command_AfterAFailedOne_StartsClean()
    {
        await using var app = await AppServices.CreateAsync();
        await Assert.ThrowsAsync<DomainException>(() =>
            app.SendAsPlatformAsync<BootstrapResult>(new BootstrapPlatform("alh_configured-platform-key-0123456789", "not-an-email", "a long password")));

        await app.SendAsPlatformAsync<BootstrapResult>(new BootstrapPlatform("alh_configured-platform-key-0123456789", "root@example.com", "a long password"));

        Assert.Equal(1, await app.QueryDbAsync(db => db.ApiKeys.CountAsync(Ct)));
        Assert.Equal(2, (await app.AuditEventsAsync()).Count);
    }

    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.PostgreSql)]
    public async Task Commands_RacingForTheSameEmail_OneWinsTheOthersAreConflicts(DatabaseProvider provider)
    {
        await using var app = await AppServices.CreateAsync(provider);
        var acme = await app.CreateTenantAsync("acme");

        var attempts = Enumerable.Range(0, 4)
            .Select(i => Task.Run(() => app.AsAdminOf<EndUserDto>(acme, Requests.User(i % 2 == 0 ? "jo@example.com" : " JO@example.com")), Ct))
            .ToList();
        var outcomes = await Task.WhenAll(attempts.Select(async attempt =>
        {
            try
            {
                await attempt;
                return "created";
            }
            catch (ConflictException)
            {
                return "conflict";
            }
        }));

        // Whether the existence check or the unique index decides, the loser gets a conflict — never a 500.
        Assert.Equal(1, outcomes.Count(o => o == "created"));
        Assert.Equal(3, outcomes.Count(o => o == "conflict"));
        Assert.Equal(1, await app.QueryDbAsync(db => db.EndUsers.CountAsync(Ct)));
        Assert.Single(await app.AuditEventsAsync(AuditActions.UserCreated));
    }
}
