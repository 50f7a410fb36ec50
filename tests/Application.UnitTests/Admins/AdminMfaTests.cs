using AlexaLinkHub.Application.Admins;
using AlexaLinkHub.Application.Common.Exceptions;
using AlexaLinkHub.Application.ApiKeys;
using AlexaLinkHub.Application.Tenants;
using AlexaLinkHub.Application.UnitTests.Support;
using AlexaLinkHub.Domain.Admins;
using AlexaLinkHub.Domain.Audit;
using AlexaLinkHub.TestSupport;
using Microsoft.EntityFrameworkCore;
using OtpNet;
using static AlexaLinkHub.Application.UnitTests.Support.TestActors;

namespace AlexaLinkHub.Application.UnitTests.Admins;

/// <summary>Second factors of admins: an authenticator app (RFC 6238, codes computed here with Otp.NET like any app
/// would), single-use recovery codes, the lockout they share with the password, the tenant's "must use MFA" rule, the
/// step-up before dangerous actions, and the reset by a fellow admin.</summary>
public sealed class AdminMfaTests
{
    private static string CodeAt(AppServices app, string base32, TimeSpan offset = default) =>
        new Totp(Base32Encoding.ToBytes(base32)).ComputeTotp((app.Clock.GetUtcNow() + offset).UtcDateTime);

    /// <summary>The vendor enrols an authenticator app; returns its secret and the recovery codes shown once.</summary>
    private static async Task<(string Secret, IReadOnlyList<string> Codes)> EnrolTotpAsync(AppServices app, AdminIdentity admin)
    {
        var pending = await app.AsAdmin<PendingTotpDto>(admin, new StartTotpEnrolment());
        var codes = await app.AsAdmin<IReadOnlyList<string>?>(admin, new ConfirmTotpEnrolment { Code = CodeAt(app, pending.Base32Secret) });
        return (pending.Base32Secret, codes!);
    }

    private static Task<AdminSignInOutcome> VerifyAsync(AppServices app, AdminIdentity admin, string code) =>
        app.AsAnonymous<AdminSignInOutcome>(new VerifyAdminCode { AdminId = admin.AdminId, SecurityStamp = admin.SecurityStamp, Code = code });

    [Fact]
    public async Task EnrolTotp_ShowsAnOtpauthUriAndTenRecoveryCodes_StoresTheSecretProtected()
    {
        await using var app = await AppServices.CreateAsync();
        var vendor = await app.SignUpVendorAsync("carfu");

        var pending = await app.AsAdmin<PendingTotpDto>(vendor.Admin, new StartTotpEnrolment());
        var security = await app.AsAdmin<AdminSecurityDto>(vendor.Admin, new GetAdminSecurity());
        var codes = await app.AsAdmin<IReadOnlyList<string>?>(vendor.Admin, new ConfirmTotpEnrolment { Code = CodeAt(app, pending.Base32Secret) });

        Assert.StartsWith("otpauth://totp/", pending.EnrolmentUri, StringComparison.Ordinal);
        Assert.Contains($"secret={pending.Base32Secret}", pending.EnrolmentUri, StringComparison.Ordinal);
        Assert.Equal(pending, security.PendingTotp);
        Assert.Equal(AdminUser.RecoveryCodeCount, codes!.Count);
        Assert.Equal(codes.Count, codes.Distinct().Count());
        var stored = await app.QueryDbAsync(db => db.AdminUsers.Include(a => a.RecoveryCodes).SingleAsync(a => a.Id == vendor.Admin.AdminId, Ct));
        Assert.True(stored.HasTotp);
        Assert.DoesNotContain(pending.Base32Secret, stored.ProtectedTotpSecret!, StringComparison.Ordinal);
        Assert.DoesNotContain(stored.RecoveryCodes, c => codes.Contains(c.CodeHash));
        Assert.Single(await app.AuditEventsAsync(AuditActions.AdminTotpEnrolled));
    }

    [Fact]
    public async Task ConfirmTotp_WrongCode_IsRefusedInline()
    {
        await using var app = await AppServices.CreateAsync();
        var vendor = await app.SignUpVendorAsync("carfu");
        await app.AsAdmin<PendingTotpDto>(vendor.Admin, new StartTotpEnrolment());

        var error = await Assert.ThrowsAsync<Domain.Common.DomainException>(() => app.AsAdmin<IReadOnlyList<string>?>(vendor.Admin, new ConfirmTotpEnrolment { Code = "000000" }));

        Assert.Equal("code", error.Field);
    }

    [Fact]
    public async Task SignIn_WithTotp_NeedsTheCodeAfterThePassword_AndACodeWorksOnce()
    {
        await using var app = await AppServices.CreateAsync();
        var vendor = await app.SignUpVendorAsync("carfu");
        var (secret, _) = await EnrolTotpAsync(app, vendor.Admin);
        app.Clock.Advance(TimeSpan.FromSeconds(30));

        var password = await app.AsAnonymous<AdminSignInOutcome>(new SignInAdmin { Email = "owner@carfu.example", Password = AdminActors.VendorPassword });
        var code = CodeAt(app, secret);
        var verified = await VerifyAsync(app, password.Admin!, code);
        var replayed = await VerifyAsync(app, password.Admin!, code);

        Assert.Equal(AdminSignInStatus.SecondFactorRequired, password.Status);
        Assert.Equal(AdminSignInStatus.Succeeded, verified.Status);
        Assert.True(verified.Admin!.HasMfa);
        Assert.Equal(AdminSignInStatus.BadCredentials, replayed.Status);
        Assert.Equal("factor=totp", (await app.AuditEventsAsync(AuditActions.AdminSignedIn)).Last().Details);
    }

    [Fact]
    public async Task SignIn_RecoveryCode_WorksOnceInsteadOfTheApp()
    {
        await using var app = await AppServices.CreateAsync();
        var vendor = await app.SignUpVendorAsync("carfu");
        var (_, codes) = await EnrolTotpAsync(app, vendor.Admin);
        var pending = (await app.AsAnonymous<AdminSignInOutcome>(new SignInAdmin { Email = "owner@carfu.example", Password = AdminActors.VendorPassword })).Admin!;

        var first = await VerifyAsync(app, pending, " " + codes[3].ToUpperInvariant().Replace("-", " ", StringComparison.Ordinal) + " ");
        var again = await VerifyAsync(app, pending, codes[3]);

        Assert.Equal(AdminSignInStatus.Succeeded, first.Status);
        Assert.Equal(AdminSignInStatus.BadCredentials, again.Status);
        Assert.Equal("left=9", Assert.Single(await app.AuditEventsAsync(AuditActions.AdminRecoveryCodeUsed)).Details);
    }

    [Fact]
    public async Task SecondFactor_WrongCodes_LockOutLikeWrongPasswords()
    {
        await using var app = await AppServices.CreateAsync();
        var vendor = await app.SignUpVendorAsync("carfu");
        var (secret, _) = await EnrolTotpAsync(app, vendor.Admin);
        var pending = (await app.AsAnonymous<AdminSignInOutcome>(new SignInAdmin { Email = "owner@carfu.example", Password = AdminActors.VendorPassword })).Admin!;
        for (var i = 0; i < 4; i++)
            Assert.Equal(AdminSignInStatus.BadCredentials, (await VerifyAsync(app, pending, "123456")).Status);

        var fifth = await VerifyAsync(app, pending, "123456");
        app.Clock.Advance(TimeSpan.FromSeconds(30));
        var rightButLocked = await VerifyAsync(app, pending, CodeAt(app, secret));
        var passwordWhileLocked = await app.AsAnonymous<AdminSignInOutcome>(new SignInAdmin { Email = "owner@carfu.example", Password = AdminActors.VendorPassword });

        Assert.Equal(AdminSignInStatus.LockedOut, fifth.Status);
        Assert.Equal(AdminSignInStatus.LockedOut, rightButLocked.Status);
        Assert.Equal(AdminSignInStatus.LockedOut, passwordWhileLocked.Status);
    }

    [Fact]
    public async Task SecondFactor_AfterTheStampChanged_IsRefused()
    {
        await using var app = await AppServices.CreateAsync();
        var vendor = await app.SignUpVendorAsync("carfu");
        var (secret, _) = await EnrolTotpAsync(app, vendor.Admin);
        var pending = (await app.AsAnonymous<AdminSignInOutcome>(new SignInAdmin { Email = "owner@carfu.example", Password = AdminActors.VendorPassword })).Admin!;
        await app.AsAdmin<Mediator.Unit>(vendor.Admin, new SignOutAdminEverywhere());
        app.Clock.Advance(TimeSpan.FromSeconds(30));

        var outcome = await VerifyAsync(app, pending, CodeAt(app, secret));

        Assert.Equal(AdminSignInStatus.BadCredentials, outcome.Status);
        Assert.Null(await app.AsAnonymous<AdminIdentity?>(new GetAdminIdentity(vendor.Admin.AdminId, vendor.Admin.SecurityStamp)));
    }

    [Fact]
    public async Task TenantRequiresMfa_AnAdminWithoutOneMustEnrol_UntilTheyDo()
    {
        await using var app = await AppServices.CreateAsync();
        var vendor = await app.SignUpVendorAsync("carfu");
        var tenant = await app.TenantAsync("carfu");

        await app.AsAdmin<TenantDto>(vendor.Admin, new UpdateTenant { AdminsMustUseMfa = true }, tenant);
        var before = await app.AsAnonymous<AdminIdentity?>(new GetAdminIdentity(vendor.Admin.AdminId, vendor.Admin.SecurityStamp));
        await EnrolTotpAsync(app, vendor.Admin);
        var after = await app.AsAnonymous<AdminIdentity?>(new GetAdminIdentity(vendor.Admin.AdminId, vendor.Admin.SecurityStamp));

        Assert.True((await app.TenantAsync("carfu")).AdminsMustUseMfa);
        Assert.True(before!.MustEnrolMfa);
        Assert.False(after!.MustEnrolMfa);
        Assert.Equal("required=True", Assert.Single(await app.AuditEventsAsync(AuditActions.TenantAdminMfaRequired)).Details);
    }

    [Fact]
    public async Task DangerousAction_ProvedMoreThanFifteenMinutesAgo_AsksForAStepUp_ApiKeysAreNotAsked()
    {
        await using var app = await AppServices.CreateAsync();
        var vendor = await app.SignUpVendorAsync("carfu");
        var tenant = await app.TenantAsync("carfu");
        var create = new CreateApiKey { Name = "ci" };

        await Assert.ThrowsAsync<StepUpRequiredException>(() => app.AsAdmin<CreatedApiKeyDto>(vendor.Admin, create, tenant, verifiedAgo: TimeSpan.FromMinutes(16)));
        var recent = await app.AsAdmin<CreatedApiKeyDto>(vendor.Admin, create, tenant, verifiedAgo: TimeSpan.FromMinutes(14));
        var byKey = await app.AsAdminOf<CreatedApiKeyDto>(tenant, create);

        Assert.NotNull(recent.Key);
        Assert.NotNull(byKey.Key);
    }

    [Fact]
    public async Task ResetAdminMfa_ByAnotherAdminOfTheTenant_RemovesTheFactorsAndEndsTheirSessions()
    {
        await using var app = await AppServices.CreateAsync();
        var vendor = await app.SignUpVendorAsync("carfu");
        var tenant = await app.TenantAsync("carfu");
        var colleagueId = await app.QueryDbAsync(async db =>
        {
            var colleague = AdminUser.CreateTenantAdmin("colleague@carfu.example", "hash", tenant.Id, AdminRole.Owner, app.Clock.GetUtcNow());
            colleague.BeginTotpEnrolment("protected");
            colleague.ConfirmTotpEnrolment(1);
            db.AdminUsers.Add(colleague);
            await db.SaveChangesAsync(Ct);
            return colleague.Id;
        });

        await app.AsAdmin<Mediator.Unit>(vendor.Admin, new ResetAdminMfa(colleagueId), tenant);
        var own = app.AsAdmin<Mediator.Unit>(vendor.Admin, new ResetAdminMfa(vendor.Admin.AdminId), tenant);
        var stranger = await app.SignUpVendorAsync("globex");
        var foreign = app.AsAdmin<Mediator.Unit>(stranger.Admin, new ResetAdminMfa(colleagueId), await app.TenantAsync("globex"));

        Assert.False(await app.QueryDbAsync(db => db.AdminUsers.Where(a => a.Id == colleagueId).Select(a => a.ProtectedTotpSecret != null).SingleAsync(Ct)));
        var audit = Assert.Single(await app.AuditEventsAsync(AuditActions.AdminMfaReset));
        Assert.Equal(("admin:colleague@carfu.example", "by=admin:owner@carfu.example"), (audit.Target, audit.Details));
        await Assert.ThrowsAsync<Domain.Common.DomainException>(() => own);
        await Assert.ThrowsAsync<NotFoundException>(() => foreign);
    }
}
