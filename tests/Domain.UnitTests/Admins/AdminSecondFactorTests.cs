using AlexaLinkHub.Domain.Admins;
using AlexaLinkHub.Domain.Common;

namespace AlexaLinkHub.Domain.UnitTests.Admins;

public class AdminSecondFactorTests
{
    private static readonly Guid TenantA = Guid.Parse("0195a1b2-0000-7000-8000-00000000000a");

    private static AdminUser NewAdmin() => AdminUser.CreateTenantAdmin("staff@carfu.com", "hash", TenantA, AdminRole.Owner, TestTime.Now);

    private static List<string> Hashes(string prefix = "h") => Enumerable.Range(0, AdminUser.RecoveryCodeCount).Select(i => $"{prefix}{i}").ToList();

    [Fact]
    public void ConfirmTotpEnrolment_AfterBegin_MakesThePendingSecretTheSecondFactor()
    {
        var admin = NewAdmin();
        Assert.False(admin.HasMfa);

        admin.BeginTotpEnrolment("protected-secret");
        Assert.False(admin.HasMfa);
        admin.ConfirmTotpEnrolment(timeStep: 100);

        Assert.True(admin.HasTotp);
        Assert.True(admin.HasMfa);
        Assert.Equal("protected-secret", admin.ProtectedTotpSecret);
        Assert.Null(admin.PendingTotpSecret);
    }

    [Fact]
    public void ConfirmTotpEnrolment_WithoutBegin_IsRefused() =>
        Assert.Throws<DomainException>(() => NewAdmin().ConfirmTotpEnrolment(1));

    [Fact]
    public void AcceptTotpStep_TheSameOrAnEarlierStepAgain_IsRefused()
    {
        // RFC 6238 §5.2: a code, once accepted, is not accepted a second time.
        var admin = NewAdmin();
        admin.BeginTotpEnrolment("s");
        admin.ConfirmTotpEnrolment(timeStep: 100);

        Assert.False(admin.AcceptTotpStep(100));
        Assert.True(admin.AcceptTotpStep(101));
        Assert.False(admin.AcceptTotpStep(101));
        Assert.False(admin.AcceptTotpStep(99));
    }

    [Fact]
    public void UseRecoveryCode_WorksOnceEach()
    {
        var admin = NewAdmin();
        admin.ReplaceRecoveryCodes(Hashes(), TestTime.Now);

        Assert.True(admin.UseRecoveryCode("h3", TestTime.Now));
        Assert.False(admin.UseRecoveryCode("h3", TestTime.Now));
        Assert.False(admin.UseRecoveryCode("unknown", TestTime.Now));
        Assert.Equal(AdminUser.RecoveryCodeCount - 1, admin.RecoveryCodesLeft);
    }

    [Fact]
    public void ReplaceRecoveryCodes_ReplacesTheWholeSet()
    {
        var admin = NewAdmin();
        admin.ReplaceRecoveryCodes(Hashes("old"), TestTime.Now);

        admin.ReplaceRecoveryCodes(Hashes("new"), TestTime.Now);

        Assert.False(admin.UseRecoveryCode("old1", TestTime.Now));
        Assert.True(admin.UseRecoveryCode("new1", TestTime.Now));
    }

    [Theory]
    [InlineData(9)]
    [InlineData(11)]
    public void ReplaceRecoveryCodes_NotTenDistinctCodes_IsRefused(int count) =>
        Assert.Throws<DomainException>(() => NewAdmin().ReplaceRecoveryCodes(Enumerable.Range(0, count).Select(i => $"h{i}").ToList(), TestTime.Now));

    [Fact]
    public void AddPasskey_TheSameCredentialTwice_IsRefused()
    {
        var admin = NewAdmin();
        admin.AddPasskey([1, 2, 3], [9], 0, "Laptop", TestTime.Now);

        Assert.True(admin.HasMfa);
        Assert.Throws<DomainException>(() => admin.AddPasskey([1, 2, 3], [9], 0, "Again", TestTime.Now));
        Assert.Same(admin.Passkeys[0], admin.FindPasskey([1, 2, 3]));
    }

    [Fact]
    public void AddPasskey_BeyondTheLimit_IsRefused()
    {
        var admin = NewAdmin();
        for (byte i = 0; i < AdminUser.MaxPasskeys; i++)
            admin.AddPasskey([i], [9], 0, $"Key {i}", TestTime.Now);

        Assert.Throws<DomainException>(() => admin.AddPasskey([200], [9], 0, "One more", TestTime.Now));
    }

    [Fact]
    public void ResetMfa_RemovesEveryFactorAndEndsTheSessions()
    {
        var admin = NewAdmin();
        admin.BeginTotpEnrolment("s");
        admin.ConfirmTotpEnrolment(5);
        admin.AddPasskey([1], [9], 0, "Laptop", TestTime.Now);
        admin.ReplaceRecoveryCodes(Hashes(), TestTime.Now);
        var stamp = admin.SecurityStamp;

        admin.ResetMfa();

        Assert.False(admin.HasMfa);
        Assert.Empty(admin.Passkeys);
        Assert.Equal(0, admin.RecoveryCodesLeft);
        Assert.NotEqual(stamp, admin.SecurityStamp);
    }

    [Fact]
    public void RenewSecurityStamp_ChangesIt()
    {
        var admin = NewAdmin();
        var stamp = admin.SecurityStamp;

        admin.RenewSecurityStamp();

        Assert.NotEqual(stamp, admin.SecurityStamp);
    }
}
