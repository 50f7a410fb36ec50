using AlexaLinkHub.Application.Admins;
using AlexaLinkHub.Application.UnitTests.Support;
using AlexaLinkHub.Domain.Audit;
using AlexaLinkHub.Infrastructure.Persistence;
using AlexaLinkHub.TestSupport;

namespace AlexaLinkHub.Application.UnitTests.Admins;

public sealed class SignInAdminTests
{
    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.PostgreSql)]
    public async Task SignIn_RightPassword_ReturnsTheAdminWithTheTenantsTheyAdminister(DatabaseProvider provider)
    {
        await using var app = await AppServices.CreateAsync(provider);
        var vendor = await app.SignUpVendorAsync("carfu");

        var outcome = await app.AsAnonymous<AdminSignInOutcome>(new SignInAdmin { Email = "  OWNER@carfu.example ", Password = AdminActors.VendorPassword });

        Assert.Equal(AdminSignInStatus.Succeeded, outcome.Status);
        Assert.Equal(vendor.Admin.AdminId, outcome.Admin!.AdminId);
        Assert.Equal([vendor.TenantId], outcome.Admin.TenantIds);
        Assert.False(outcome.Admin.IsPlatformAdmin);
        var audit = (await app.AuditEventsAsync(AuditActions.AdminSignedIn)).Single();
        Assert.Equal(("admin:owner@carfu.example", (Guid?)null), (audit.Target, audit.TenantId));
    }

    [Fact]
    public async Task SignIn_WrongPasswordAndUnknownEmail_AreTheSameAnswer()
    {
        await using var app = await AppServices.CreateAsync();
        await app.SignUpVendorAsync("carfu");

        var wrong = await app.AsAnonymous<AdminSignInOutcome>(new SignInAdmin { Email = "owner@carfu.example", Password = "not the password" });
        var unknown = await app.AsAnonymous<AdminSignInOutcome>(new SignInAdmin { Email = "nobody@carfu.example", Password = "not the password" });

        Assert.Equal(new AdminSignInOutcome(AdminSignInStatus.BadCredentials, null, null), wrong);
        Assert.Equal(new AdminSignInOutcome(AdminSignInStatus.BadCredentials, null, null), unknown);
        Assert.Equal(["admin:owner@carfu.example", "admin:unknown"], (await app.AuditEventsAsync(AuditActions.AdminSignInFailed)).Select(e => e.Target).Order());
    }

    [Fact]
    public async Task SignIn_FifthFailure_LocksTheAccountUntilTheLockoutEnds()
    {
        await using var app = await AppServices.CreateAsync();
        await app.SignUpVendorAsync("carfu");
        var wrong = new SignInAdmin { Email = "owner@carfu.example", Password = "not the password" };
        var right = new SignInAdmin { Email = "owner@carfu.example", Password = AdminActors.VendorPassword };
        for (var i = 0; i < 4; i++)
            Assert.Equal(AdminSignInStatus.BadCredentials, (await app.AsAnonymous<AdminSignInOutcome>(wrong)).Status);

        var fifth = await app.AsAnonymous<AdminSignInOutcome>(wrong);
        var whileLocked = await app.AsAnonymous<AdminSignInOutcome>(right);
        app.Clock.Advance(TimeSpan.FromMinutes(15));
        var afterwards = await app.AsAnonymous<AdminSignInOutcome>(right);

        Assert.Equal(AdminSignInStatus.LockedOut, fifth.Status);
        Assert.Equal(app.Clock.GetUtcNow(), fifth.LockedUntil);
        Assert.Equal(AdminSignInStatus.LockedOut, whileLocked.Status);
        Assert.Null(whileLocked.Admin);
        Assert.Equal(AdminSignInStatus.Succeeded, afterwards.Status);
    }

    [Fact]
    public async Task GetAdminIdentity_WithAnOutdatedSecurityStamp_IsNoLongerValid()
    {
        await using var app = await AppServices.CreateAsync();
        var vendor = await app.SignUpVendorAsync("carfu");

        var current = await app.AsAnonymous<AdminIdentity?>(new GetAdminIdentity(vendor.Admin.AdminId, vendor.Admin.SecurityStamp));
        var outdated = await app.AsAnonymous<AdminIdentity?>(new GetAdminIdentity(vendor.Admin.AdminId, "an-older-stamp"));
        var unknown = await app.AsAnonymous<AdminIdentity?>(new GetAdminIdentity(Guid.NewGuid(), vendor.Admin.SecurityStamp));

        Assert.Equal(vendor.Admin.TenantIds, current!.TenantIds);
        Assert.Null(outdated);
        Assert.Null(unknown);
    }
}
