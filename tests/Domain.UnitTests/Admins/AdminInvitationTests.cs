using AlexaLinkHub.Domain.Admins;

namespace AlexaLinkHub.Domain.UnitTests.Admins;

public sealed class AdminInvitationTests
{
    [Fact]
    public void InvitedAdmin_IsAMemberWithNoPasswordUntilTheyChooseOne()
    {
        var tenant = Guid.NewGuid();
        var admin = AdminUser.Invite("new@vendor.example", tenant, AdminRole.Owner, new DateTimeOffset(2026, 11, 25, 12, 0, 0, TimeSpan.Zero));
        var stamp = admin.SecurityStamp;

        Assert.True(admin.IsInvitationPending);
        Assert.True(admin.CanAdminister(tenant));
        Assert.False(admin.IsPlatformAdmin);

        admin.SetPasswordHash("a real hash");

        Assert.False(admin.IsInvitationPending);
        Assert.NotEqual(stamp, admin.SecurityStamp);
    }
}
