using AlexaLinkHub.Application.Accounts;
using AlexaLinkHub.Application.Common.Security;
using AlexaLinkHub.Application.Linking;
using AlexaLinkHub.Application.Tenants;
using AlexaLinkHub.Application.UnitTests.Support;
using AlexaLinkHub.Application.Users;
using AlexaLinkHub.Domain.Audit;
using AlexaLinkHub.Infrastructure.Persistence;
using AlexaLinkHub.TestSupport;
using FluentValidation;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static AlexaLinkHub.Application.UnitTests.Accounts.AccountActors;
using static AlexaLinkHub.Application.UnitTests.Support.TestActors;

namespace AlexaLinkHub.Application.UnitTests.Accounts;

/// <summary>Sign-up on the tenant's pages: a per-tenant switch (on by default), one account per email, and an optional
/// email confirmation whose link signs the user in.</summary>
public sealed class SignUpTests
{
    private static SignUpEndUser SignUp(string email = "new@example.com", string password = Password, string? returnUrl = null) =>
        new() { Email = email, Password = password, DisplayName = "Nia New", ReturnUrl = returnUrl };

    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.PostgreSql)]
    public async Task SignUp_OpenTenant_CreatesAConfirmableUserAndSendsNoEmail(DatabaseProvider provider)
    {
        await using var app = await AppServices.CreateAsync(provider);
        var acme = await app.CreateTenantAsync("acme");
        Assert.True(acme.SignUpEnabled);
        Assert.False(acme.EmailConfirmationRequired);

        var outcome = await app.AsVisitorOf<SignUpOutcome>(acme, SignUp(" New@Example.com "));

        Assert.Equal(SignUpStatus.Succeeded, outcome.Status);
        var stored = await app.QueryDbAsync(db => db.EndUsers.SingleAsync(Ct));
        Assert.Equal((outcome.UserId, acme.Id, "New@Example.com", "Nia New", true), (stored.Id, stored.TenantId, stored.Email, stored.DisplayName, stored.Enabled));
        Assert.Equal(PasswordCheck.Success, app.Services.GetRequiredService<IPasswordHasher>().Verify(stored.PasswordHash, Password));
        Assert.Empty(await app.OutboxAsync());
        Assert.Equal($"user:{stored.Id}", Assert.Single(await app.AuditEventsAsync(AuditActions.UserSignedUp)).Target);
        Assert.True((await app.SignInAsync(acme, "new@example.com", Password)).Succeeded);
    }

    [Fact]
    public async Task SignUp_Disabled_CreatesNothing()
    {
        await using var app = await AppServices.CreateAsync();
        var acme = await app.CreateTenantAsync("acme");
        var settings = await app.AsAdminOf<TenantDto>(acme, new UpdateTenant { SignUpEnabled = false });
        Assert.False(settings.SignUpEnabled);

        var outcome = await app.AsVisitorOf<SignUpOutcome>(acme, SignUp());

        Assert.Equal(new SignUpOutcome(SignUpStatus.SignUpDisabled, null), outcome);
        Assert.Equal(0, await app.QueryDbAsync(db => db.EndUsers.CountAsync(Ct)));
        Assert.Empty(await app.AuditEventsAsync(AuditActions.UserSignedUp));
        Assert.Empty(await app.OutboxAsync());
    }

    [Fact]
    public async Task SignUp_EmailTakenIgnoringCase_SaysSoAndKeepsTheExistingAccount()
    {
        await using var app = await AppServices.CreateAsync();
        var acme = await app.CreateTenantAsync("acme");
        var jo = await app.CreateUserAsync(acme, "jo@example.com");

        var outcome = await app.AsVisitorOf<SignUpOutcome>(acme, SignUp("JO@example.COM", "somebody else's password"));

        Assert.Equal(new SignUpOutcome(SignUpStatus.EmailTaken, null), outcome);
        Assert.Equal(jo.Id, await app.QueryDbAsync(db => db.EndUsers.Select(u => u.Id).SingleAsync(Ct)));
        Assert.True((await app.SignInAsync(acme, "jo@example.com", Password)).Succeeded);
        Assert.Empty(await app.AuditEventsAsync(AuditActions.UserSignedUp));
    }

    [Fact]
    public async Task SignUp_EmailTakenWhereConfirmationIsRequired_AnswersLikeANewEmailAndMailsTheOwner()
    {
        await using var app = await AppServices.CreateAsync();
        var acme = await app.CreateTenantAsync("acme", "Acme Rides");
        await app.AsAdminOf<TenantDto>(acme, new UpdateTenant { EmailConfirmationRequired = true });
        var jo = await app.CreateUserAsync(acme, "jo@example.com");

        var taken = await app.AsVisitorOf<SignUpOutcome>(acme, SignUp("JO@example.com", "somebody else's password"));
        var fresh = await app.AsVisitorOf<SignUpOutcome>(acme, SignUp("new@example.com"));

        Assert.Equal(SignUpStatus.ConfirmationSent, taken.Status);
        Assert.Equal(taken.Status, fresh.Status);
        Assert.Null(taken.UserId);
        // Both emails carry the same (fake) clock's time, so they are told apart by recipient, not by order.
        var emails = (await app.OutboxAsync()).ToDictionary(e => e.To, StringComparer.Ordinal);
        Assert.Equal(2, emails.Count);
        Assert.Equal("Your Acme Rides account", emails["jo@example.com"].Subject);
        Assert.Contains("/t/acme/reset-password?token=", emails["jo@example.com"].TextBody, StringComparison.Ordinal);
        Assert.Equal("Confirm your email for Acme Rides", emails["new@example.com"].Subject);
        Assert.Equal($"user:{jo.Id}", Assert.Single(await app.AuditEventsAsync(AuditActions.UserSignUpWithExistingEmail)).Target);
        Assert.NotEqual(SignInStatus.BadCredentials, (await app.SignInAsync(acme, "jo@example.com", Password)).Status);
    }

    [Fact]
    public async Task SignUp_NewAndTakenEmail_HashThePasswordAlike()
    {
        var hasher = new CountingHasher();
        await using var app = await AppServices.CreateAsync(services: s => hasher.Replace(s));
        var acme = await app.CreateTenantAsync("acme");
        await app.AsAdminOf<TenantDto>(acme, new UpdateTenant { EmailConfirmationRequired = true });
        await app.CreateUserAsync(acme, "jo@example.com");

        var taken = await hasher.CountAsync(() => app.AsVisitorOf<SignUpOutcome>(acme, SignUp("jo@example.com")));
        var fresh = await hasher.CountAsync(() => app.AsVisitorOf<SignUpOutcome>(acme, SignUp("new@example.com")));

        Assert.Equal((1, 0), taken);
        Assert.Equal(fresh, taken);
    }

    [Fact]
    public async Task SignUp_EmailOfAnotherTenantsUser_IsANewAccountHere()
    {
        await using var app = await AppServices.CreateAsync();
        var acme = await app.CreateTenantAsync("acme");
        var globex = await app.CreateTenantAsync("globex");
        await app.CreateUserAsync(globex, "jo@example.com");

        var outcome = await app.AsVisitorOf<SignUpOutcome>(acme, SignUp("jo@example.com"));

        Assert.Equal(SignUpStatus.Succeeded, outcome.Status);
        Assert.Equal(2, await app.QueryDbAsync(db => db.EndUsers.CountAsync(Ct)));
    }

    [Fact]
    public async Task SignUp_ConfirmationRequired_QueuesAConfirmationLinkThatResumesTheFlowAndConfirmsOnce()
    {
        await using var app = await AppServices.CreateAsync();
        var acme = await app.CreateTenantAsync("acme", "Acme Rides");
        await app.AsAdminOf<TenantDto>(acme, new UpdateTenant { EmailConfirmationRequired = true });
        const string returnUrl = "/t/acme/connect/authorize?client_id=carfu&state=xyz";

        var outcome = await app.AsVisitorOf<SignUpOutcome>(acme, SignUp(returnUrl: returnUrl));

        Assert.Equal(SignUpStatus.ConfirmationSent, outcome.Status);
        Assert.False(await app.QueryDbAsync(db => db.EndUsers.Select(u => u.EmailConfirmed).SingleAsync(Ct)));
        var email = Assert.Single(await app.OutboxAsync());
        Assert.Equal(("new@example.com", "Confirm your email for Acme Rides"), (email.To, email.Subject));
        var link = LinkIn(email);
        Assert.Equal($"{AppServices.PublicBaseUrl}t/acme/confirm-email", link.GetLeftPart(UriPartial.Path));
        Assert.Equal(returnUrl, QueryValue(link, "returnUrl"));
        Assert.Equal(SignInStatus.EmailNotConfirmed, (await app.SignInAsync(acme, "new@example.com", Password)).Status);

        var confirmed = await app.AsVisitorOf<ResetPasswordOutcome>(acme, new ConfirmEmail(TokenIn(email)));

        Assert.Equal(new ResetPasswordOutcome(true, outcome.UserId), confirmed);
        Assert.True(await app.QueryDbAsync(db => db.EndUsers.Select(u => u.EmailConfirmed).SingleAsync(Ct)));
        Assert.True((await app.SignInAsync(acme, "new@example.com", Password)).Succeeded);
        // Idempotent: opening the link again still signs in, and the confirmation is audited once.
        Assert.True((await app.AsVisitorOf<ResetPasswordOutcome>(acme, new ConfirmEmail(TokenIn(email)))).Succeeded);
        Assert.Single(await app.AuditEventsAsync(AuditActions.EmailConfirmed));
    }

    [Fact]
    public async Task SignIn_UnconfirmedWithExpiredLink_RightPasswordSendsAFreshWorkingLink_WrongPasswordSendsNothing()
    {
        await using var app = await AppServices.CreateAsync();
        var acme = await app.CreateTenantAsync("acme");
        await app.AsAdminOf<TenantDto>(acme, new UpdateTenant { EmailConfirmationRequired = true });
        await app.AsVisitorOf<SignUpOutcome>(acme, SignUp());
        var expired = TokenIn(Assert.Single(await app.OutboxAsync()));
        app.Clock.Advance(TimeSpan.FromDays(4));
        Assert.False((await app.AsVisitorOf<ResetPasswordOutcome>(acme, new ConfirmEmail(expired))).Succeeded);

        Assert.Equal(SignInStatus.BadCredentials, (await app.SignInAsync(acme, "new@example.com", "wrong password")).Status);
        Assert.Single(await app.OutboxAsync());

        Assert.Equal(SignInStatus.EmailNotConfirmed, (await app.SignInAsync(acme, "new@example.com", Password)).Status);
        var emails = await app.OutboxAsync();
        Assert.Equal(2, emails.Count);
        Assert.Equal(("new@example.com", app.Clock.GetUtcNow()), (emails[1].To, emails[1].CreatedAt));
        Assert.True((await app.AsVisitorOf<ResetPasswordOutcome>(acme, new ConfirmEmail(TokenIn(emails[1])))).Succeeded);
        Assert.True((await app.SignInAsync(acme, "new@example.com", Password)).Succeeded);
    }

    [Fact]
    public async Task ConfirmEmail_AfterThreeDays_IsRefused()
    {
        await using var app = await AppServices.CreateAsync();
        var acme = await app.CreateTenantAsync("acme");
        await app.AsAdminOf<TenantDto>(acme, new UpdateTenant { EmailConfirmationRequired = true });
        await app.AsVisitorOf<SignUpOutcome>(acme, SignUp());
        var token = TokenIn(Assert.Single(await app.OutboxAsync()));

        app.Clock.Advance(TimeSpan.FromDays(3) + TimeSpan.FromMinutes(1));

        Assert.False((await app.AsVisitorOf<ResetPasswordOutcome>(acme, new ConfirmEmail(token))).Succeeded);
        Assert.False(await app.QueryDbAsync(db => db.EndUsers.Select(u => u.EmailConfirmed).SingleAsync(Ct)));
    }

    [Fact]
    public async Task SignUp_CommonPassword_IsRefusedOnPasswordAsTooCommon()
    {
        await using var app = await AppServices.CreateAsync();
        var acme = await app.CreateTenantAsync("acme");

        var refused = await Assert.ThrowsAsync<ValidationException>(() => app.AsVisitorOf<SignUpOutcome>(acme, SignUp(password: "Iloveyou1")));

        Assert.Equal([PasswordRules.TooCommonMessage], refused.MessagesFor("Password"));
        Assert.Equal(0, await app.QueryDbAsync(db => db.EndUsers.CountAsync(Ct)));
    }

    [Fact]
    public async Task SignUp_InvalidEmailNameAndShortPassword_NamesEachField()
    {
        await using var app = await AppServices.CreateAsync();
        var acme = await app.CreateTenantAsync("acme");

        var refused = await Assert.ThrowsAsync<ValidationException>(() => app.AsVisitorOf<SignUpOutcome>(acme,
            new SignUpEndUser { Email = "not an email", Password = "short", DisplayName = " " }));

        Assert.Equal(["DisplayName", "Email", "Password"], refused.Fields().Order(StringComparer.Ordinal));
        Assert.Equal([PasswordRules.TooShortMessage], refused.MessagesFor("Password"));
        Assert.Equal(0, await app.QueryDbAsync(db => db.EndUsers.CountAsync(Ct)));
    }
}
