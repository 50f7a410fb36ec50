using AlexaLinkHub.Application.Accounts;
using AlexaLinkHub.Application.Admins;
using AlexaLinkHub.Application.Linking;
using AlexaLinkHub.Application.UnitTests.Support;
using AlexaLinkHub.Domain.Audit;
using AlexaLinkHub.TestSupport;
using Microsoft.EntityFrameworkCore;
using static AlexaLinkHub.Application.UnitTests.Support.TestActors;

namespace AlexaLinkHub.Application.UnitTests.Admins;

/// <summary>Sign-in and recovery reveal no account: an email nobody has is answered, locked and worked on exactly like an
/// admin's (or an end user's). The equal work is shown by counting the password hasher's calls — deterministic, unlike a
/// timing (the timings are measured by build/bench/enumeration-timing.sh).</summary>
public sealed class AdminSignInEnumerationTests
{
    [Fact]
    public async Task SignIn_UnknownEmail_LocksOutAfterTheSameFailuresAsAnAdmin()
    {
        await using var app = await AppServices.CreateAsync();
        await app.SignUpVendorAsync("carfu");
        AdminSignInOutcome Last(IReadOnlyList<AdminSignInOutcome> all) => all[^1];
        async Task<List<AdminSignInOutcome>> FailFiveTimesAsync(string email)
        {
            var outcomes = new List<AdminSignInOutcome>();
            for (var i = 0; i < 5; i++)
                outcomes.Add(await app.AsAnonymous<AdminSignInOutcome>(new SignInAdmin { Email = email, Password = "not the password" }));
            return outcomes;
        }

        var admin = await FailFiveTimesAsync("owner@carfu.example");
        var nobody = await FailFiveTimesAsync("nobody@carfu.example");

        Assert.Equal(admin.Select(o => o.Status), nobody.Select(o => o.Status));
        Assert.Equal(AdminSignInStatus.LockedOut, Last(nobody).Status);
        Assert.Equal(Last(admin).LockedUntil, Last(nobody).LockedUntil);
        Assert.Equal(2, await app.QueryDbAsync(db => db.Set<Domain.Admins.AdminSignInThrottle>().CountAsync(Ct)));
    }

    [Fact]
    public async Task SignIn_KnownAndUnknownEmail_DoTheSameWork()
    {
        var hasher = new CountingHasher();
        await using var app = await AppServices.CreateAsync(services: s => hasher.Replace(s));
        await app.SignUpVendorAsync("carfu");
        var acme = await app.CreateTenantAsync("acme");
        await Accounts.AccountActors.CreateUserAsync(app, acme, "jo@example.com");
        // The throwaway hash both handlers verify unknown emails against is made once per process: make it first.
        await app.AsAnonymous<AdminSignInOutcome>(new SignInAdmin { Email = "warm@nowhere.example", Password = "x" });
        await Accounts.AccountActors.SignInAsync(app, acme, "warm@nowhere.example", "x");

        var admin = await hasher.CountAsync(() => app.AsAnonymous<AdminSignInOutcome>(new SignInAdmin { Email = "owner@carfu.example", Password = "wrong password" }));
        var noAdmin = await hasher.CountAsync(() => app.AsAnonymous<AdminSignInOutcome>(new SignInAdmin { Email = "nobody@carfu.example", Password = "wrong password" }));
        var user = await hasher.CountAsync(() => Accounts.AccountActors.SignInAsync(app, acme, "jo@example.com", "wrong password"));
        var noUser = await hasher.CountAsync(() => Accounts.AccountActors.SignInAsync(app, acme, "nobody@example.com", "wrong password"));

        Assert.Equal((0, 1), admin);
        Assert.Equal(admin, noAdmin);
        Assert.Equal((0, 1), user);
        Assert.Equal(user, noUser);
    }

    [Fact]
    public async Task ForgotPassword_KnownAndUnknownEmail_BothLeaveAnAuditEvent()
    {
        await using var app = await AppServices.CreateAsync();
        await app.SignUpVendorAsync("carfu");
        var acme = await app.CreateTenantAsync("acme");
        var jo = await Accounts.AccountActors.CreateUserAsync(app, acme, "jo@example.com");

        await app.AsAnonymous<Mediator.Unit>(new RequestAdminPasswordReset { Email = "owner@carfu.example" });
        await app.AsAnonymous<Mediator.Unit>(new RequestAdminPasswordReset { Email = "nobody@carfu.example" });
        await app.AsVisitorOf<Mediator.Unit>(acme, new RequestPasswordReset("jo@example.com", null));
        await app.AsVisitorOf<Mediator.Unit>(acme, new RequestPasswordReset("nobody@example.com", null));

        Assert.Equal(["admin:owner@carfu.example", "admin:unknown"], (await app.AuditEventsAsync(AuditActions.AdminPasswordResetRequested)).Select(e => e.Target).Order(StringComparer.Ordinal));
        Assert.Equal(new[] { $"user:{jo.Id}", "user:unknown" }.Order(StringComparer.Ordinal), (await app.AuditEventsAsync(AuditActions.PasswordResetRequested)).Select(e => e.Target).Order(StringComparer.Ordinal));
    }
}
