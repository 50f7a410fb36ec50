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
using Mediator;
using Microsoft.EntityFrameworkCore;
using static AlexaLinkHub.Application.UnitTests.Accounts.AccountActors;
using static AlexaLinkHub.Application.UnitTests.Support.TestActors;

namespace AlexaLinkHub.Application.UnitTests.Accounts;

/// <summary>"Forgot password?" and the reset link: the same answer for every email, a link only for a real account,
/// good once and for one hour, in its own tenant only.</summary>
public sealed class PasswordResetTests
{
    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.PostgreSql)]
    public async Task RequestPasswordReset_UnknownAndKnownEmail_BothSucceedButOnlyTheKnownOneQueuesAnEmail(DatabaseProvider provider)
    {
        await using var app = await AppServices.CreateAsync(provider);
        var acme = await app.CreateTenantAsync("acme", "Acme Rides");
        var jo = await app.CreateUserAsync(acme, "jo@example.com");

        var unknown = await app.AsVisitorOf<Unit>(acme, new RequestPasswordReset("nobody@example.com", null));
        Assert.Equal(Unit.Value, unknown);
        Assert.Empty(await app.OutboxAsync());
        // Audited too (both ways write), naming nobody.
        Assert.Equal("user:unknown", Assert.Single(await app.AuditEventsAsync(AuditActions.PasswordResetRequested)).Target);

        var known = await app.AsVisitorOf<Unit>(acme, new RequestPasswordReset("  JO@Example.com ", "/t/acme/connect/authorize?client_id=x"));
        Assert.Equal(Unit.Value, known);

        var email = Assert.Single(await app.OutboxAsync());
        Assert.Equal((acme.Id, "jo@example.com", "Acme Rides", "Reset your Acme Rides password"), (email.TenantId, email.To, email.FromName, email.Subject));
        Assert.Null(email.SentAt);
        var link = LinkIn(email);
        Assert.Equal($"{AppServices.PublicBaseUrl}t/acme/reset-password", link.GetLeftPart(UriPartial.Path));
        Assert.Equal("/t/acme/connect/authorize?client_id=x", QueryValue(link, "returnUrl"));
        Assert.Contains(await app.AuditEventsAsync(AuditActions.PasswordResetRequested), e => e.Target == $"user:{jo.Id}");
    }

    [Fact]
    public async Task RequestPasswordReset_DisabledAccount_QueuesNothing()
    {
        await using var app = await AppServices.CreateAsync();
        var acme = await app.CreateTenantAsync("acme");
        var jo = await app.CreateUserAsync(acme);
        await app.QueryDbAsync(async db =>
        {
            var user = await db.EndUsers.SingleAsync(Ct);
            user.Disable(app.Clock.GetUtcNow());
            return await db.SaveChangesAsync(Ct);
        });

        await app.AsVisitorOf<Unit>(acme, new RequestPasswordReset(jo.Email, null));

        Assert.Empty(await app.OutboxAsync());
    }

    [Theory]
    [InlineData(59, true)]
    [InlineData(61, false)]
    public async Task ResetPassword_TokenAge_WorksWithinTheHourOnly(int minutes, bool works)
    {
        await using var app = await AppServices.CreateAsync();
        var acme = await app.CreateTenantAsync("acme");
        var jo = await app.CreateUserAsync(acme);
        var token = await app.RequestResetTokenAsync(acme, jo.Email);

        app.Clock.Advance(TimeSpan.FromMinutes(minutes));
        var outcome = await app.ResetAsync(acme, token);

        Assert.Equal(works, outcome.Succeeded);
        Assert.Equal(works ? jo.Id : null, outcome.UserId);
        Assert.Equal(works ? SignInStatus.Succeeded : SignInStatus.BadCredentials, (await app.SignInAsync(acme, jo.Email, NewPassword)).Status);
        Assert.Equal(works ? SignInStatus.BadCredentials : SignInStatus.Succeeded, (await app.SignInAsync(acme, jo.Email, Password)).Status);
        Assert.Equal(works ? 1 : 0, (await app.AuditEventsAsync(AuditActions.PasswordReset)).Count);
    }

    [Fact]
    public async Task ResetPassword_SameTokenTwice_TheSecondTimeFailsAndKeepsTheFirstPassword()
    {
        await using var app = await AppServices.CreateAsync();
        var acme = await app.CreateTenantAsync("acme");
        var jo = await app.CreateUserAsync(acme);
        var token = await app.RequestResetTokenAsync(acme, jo.Email);
        Assert.True((await app.ResetAsync(acme, token)).Succeeded);

        var again = await app.ResetAsync(acme, token, "an attacker's later password");

        Assert.Equal(new ResetPasswordOutcome(false, null), again);
        Assert.True((await app.SignInAsync(acme, jo.Email, NewPassword)).Succeeded);
        Assert.Single(await app.AuditEventsAsync(AuditActions.PasswordReset));
    }

    [Fact]
    public async Task ResetPassword_OlderOfTwoTokens_StopsWorkingOnceTheNewerOneWasUsed()
    {
        await using var app = await AppServices.CreateAsync();
        var acme = await app.CreateTenantAsync("acme");
        var jo = await app.CreateUserAsync(acme);
        var first = await app.RequestResetTokenAsync(acme, jo.Email);
        app.Clock.Advance(TimeSpan.FromMinutes(1));
        var second = await app.RequestResetTokenAsync(acme, jo.Email);
        Assert.NotEqual(first, second);

        Assert.True((await app.ResetAsync(acme, second)).Succeeded);

        Assert.False((await app.ResetAsync(acme, first, "yet another new password")).Succeeded);
    }

    [Fact]
    public async Task ResetPassword_WithAnEmailConfirmationToken_IsRefused()
    {
        await using var app = await AppServices.CreateAsync();
        var acme = await app.CreateTenantAsync("acme");
        await app.AsAdminOf<TenantDto>(acme, new UpdateTenant { EmailConfirmationRequired = true });
        var signUp = await app.AsVisitorOf<SignUpOutcome>(acme, new SignUpEndUser { Email = "new@example.com", Password = Password, DisplayName = "New" });
        Assert.Equal(SignUpStatus.ConfirmationSent, signUp.Status);
        var confirmation = TokenIn(Assert.Single(await app.OutboxAsync()));

        var outcome = await app.ResetAsync(acme, confirmation);

        Assert.False(outcome.Succeeded);
        Assert.Empty(await app.AuditEventsAsync(AuditActions.PasswordReset));
        // …and the other way round: a reset token does not confirm an email.
        var reset = await app.RequestResetTokenAsync(acme, "new@example.com");
        Assert.False((await app.AsVisitorOf<ResetPasswordOutcome>(acme, new ConfirmEmail(reset))).Succeeded);
        Assert.False(await app.QueryDbAsync(db => db.EndUsers.Select(u => u.EmailConfirmed).SingleAsync(Ct)));
    }

    [Fact]
    public async Task ResetPassword_TokenOfTenantA_IsRefusedUnderTenantB()
    {
        await using var app = await AppServices.CreateAsync();
        var acme = await app.CreateTenantAsync("acme");
        var globex = await app.CreateTenantAsync("globex");
        var jo = await app.CreateUserAsync(acme, "jo@example.com");
        await app.CreateUserAsync(globex, "jo@example.com");
        var token = await app.RequestResetTokenAsync(acme, jo.Email);

        var underGlobex = await app.ResetAsync(globex, token);

        Assert.False(underGlobex.Succeeded);
        Assert.Empty(await app.AuditEventsAsync(AuditActions.PasswordReset));
        Assert.True((await app.SignInAsync(globex, "jo@example.com", Password)).Succeeded);
        Assert.True((await app.ResetAsync(acme, token)).Succeeded);
    }

    [Theory]
    [InlineData("")]
    [InlineData("not-a-token")]
    [InlineData("AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA")]
    public async Task ResetPassword_ForgedOrMangledToken_IsRefused(string token)
    {
        await using var app = await AppServices.CreateAsync();
        var acme = await app.CreateTenantAsync("acme");
        await app.CreateUserAsync(acme);

        Assert.Equal(new ResetPasswordOutcome(false, null), await app.ResetAsync(acme, token));
    }

    [Fact]
    public async Task ResetPassword_CommonNewPassword_IsRefusedAndTheTokenStaysUsable()
    {
        await using var app = await AppServices.CreateAsync();
        var acme = await app.CreateTenantAsync("acme");
        var jo = await app.CreateUserAsync(acme);
        var token = await app.RequestResetTokenAsync(acme, jo.Email);

        var refused = await Assert.ThrowsAsync<ValidationException>(() => app.ResetAsync(acme, token, "Password1"));

        Assert.Equal([PasswordRules.TooCommonMessage], refused.MessagesFor("Password"));
        Assert.True((await app.ResetAsync(acme, token)).Succeeded);
    }

    [Fact]
    public async Task ResetPassword_LockedOutUser_CanSignInWithTheNewPasswordAtOnce()
    {
        await using var app = await AppServices.CreateAsync();
        var acme = await app.CreateTenantAsync("acme");
        var jo = await app.CreateUserAsync(acme);
        for (var attempt = 0; attempt < 5; attempt++)
            await app.SignInAsync(acme, jo.Email, "wrong password");
        Assert.Equal(SignInStatus.LockedOut, (await app.SignInAsync(acme, jo.Email, Password)).Status);
        var token = await app.RequestResetTokenAsync(acme, jo.Email);

        Assert.True((await app.ResetAsync(acme, token)).Succeeded);

        var throttle = await app.QueryDbAsync(db => db.SignInThrottles.SingleAsync(Ct));
        Assert.Equal((SecretTokens.Hash("JO@EXAMPLE.COM"), 0, (DateTimeOffset?)null), (throttle.Key, throttle.FailedCount, throttle.LockedUntil));
        var signedIn = await app.SignInAsync(acme, "JO@example.com", NewPassword);
        Assert.Equal((SignInStatus.Succeeded, jo.Id), (signedIn.Status, signedIn.UserId));
    }

    [Fact]
    public async Task ResetPassword_UnconfirmedEmail_IsConfirmedByTheReset()
    {
        await using var app = await AppServices.CreateAsync();
        var acme = await app.CreateTenantAsync("acme");
        await app.AsAdminOf<TenantDto>(acme, new UpdateTenant { EmailConfirmationRequired = true });
        await app.AsVisitorOf<SignUpOutcome>(acme, new SignUpEndUser { Email = "new@example.com", Password = Password, DisplayName = "New" });
        Assert.Equal(SignInStatus.EmailNotConfirmed, (await app.SignInAsync(acme, "new@example.com", Password)).Status);
        var token = await app.RequestResetTokenAsync(acme, "new@example.com");

        Assert.True((await app.ResetAsync(acme, token)).Succeeded);

        Assert.True((await app.SignInAsync(acme, "new@example.com", NewPassword)).Succeeded);
    }

    [Fact]
    public async Task RequestPasswordReset_NeverPutsTheTokenInTheAuditTrail()
    {
        await using var app = await AppServices.CreateAsync();
        var acme = await app.CreateTenantAsync("acme");
        var jo = await app.CreateUserAsync(acme);

        var token = await app.RequestResetTokenAsync(acme, jo.Email);

        Assert.DoesNotContain(await app.AllValuesAsync("AuditEvents"), v => v.Contains(token, StringComparison.Ordinal));
        Assert.DoesNotContain(await app.AllValuesAsync("EndUsers"), v => v.Contains(token, StringComparison.Ordinal));
    }
}
