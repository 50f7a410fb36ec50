using AlexaLinkHub.Domain.Admins;
using AlexaLinkHub.Domain.Common;

namespace AlexaLinkHub.Domain.UnitTests.Admins;

public class AdminUserTests
{
    private static readonly Guid TenantA = Guid.Parse("0195a1b2-0000-7000-8000-00000000000a");
    private static readonly Guid TenantB = Guid.Parse("0195a1b2-0000-7000-8000-00000000000b");

    [Fact]
    public void CreatePlatformAdmin_ValidInput_IsPlatformAdminWithoutMemberships()
    {
        var admin = AdminUser.CreatePlatformAdmin(" Root@Example.com ", "hash", TestTime.Now);

        Assert.Equal(7, admin.Id.Version);
        Assert.True(admin.IsPlatformAdmin);
        Assert.Empty(admin.Memberships);
        Assert.Equal("Root@Example.com", admin.Email);
        Assert.Equal("ROOT@EXAMPLE.COM", admin.NormalizedEmail);
        Assert.Equal("hash", admin.PasswordHash);
        Assert.True(admin.Enabled);
        Assert.False(string.IsNullOrEmpty(admin.SecurityStamp));
        Assert.Equal(TestTime.Now, admin.CreatedAt);
    }

    [Fact]
    public void CreateTenantAdmin_ValidInput_IsMemberOfThatTenantOnly()
    {
        var admin = AdminUser.CreateTenantAdmin("staff@carfu.com", "hash", TenantA, AdminRole.Owner, TestTime.Now);

        Assert.False(admin.IsPlatformAdmin);
        var membership = Assert.Single(admin.Memberships);
        Assert.Equal(TenantA, membership.TenantId);
        Assert.Equal(admin.Id, membership.AdminUserId);
        Assert.Equal(TestTime.Now, membership.CreatedAt);
    }

    [Fact]
    public void CreateTenantAdmin_EmptyTenant_IsRefused() =>
        Assert.Throws<DomainException>(() => AdminUser.CreateTenantAdmin("staff@carfu.com", "hash", Guid.Empty, AdminRole.Owner, TestTime.Now));

    [Fact]
    public void CreatePlatformAdmin_MalformedEmail_IsRefused() =>
        Assert.Equal("email", Assert.Throws<DomainException>(() => AdminUser.CreatePlatformAdmin("root", "hash", TestTime.Now)).Field);

    [Fact]
    public void CreatePlatformAdmin_BlankPasswordHash_IsRefused() =>
        Assert.Equal("password", Assert.Throws<DomainException>(() => AdminUser.CreatePlatformAdmin("root@example.com", "", TestTime.Now)).Field);

    [Fact]
    public void CanAdminister_PlatformAdmin_AnyTenant()
    {
        var admin = AdminUser.CreatePlatformAdmin("root@example.com", "hash", TestTime.Now);

        Assert.True(admin.CanAdminister(TenantA));
        Assert.True(admin.CanAdminister(TenantB));
    }

    [Fact]
    public void CanAdminister_TenantAdmin_OnlyTheirTenants()
    {
        var admin = AdminUser.CreateTenantAdmin("staff@carfu.com", "hash", TenantA, AdminRole.Owner, TestTime.Now);

        Assert.True(admin.CanAdminister(TenantA));
        Assert.False(admin.CanAdminister(TenantB));
        Assert.False(admin.CanAdminister(Guid.Empty));
    }

    [Fact]
    public void CanAdminister_DisabledAdmin_Nothing()
    {
        var platform = AdminUser.CreatePlatformAdmin("root@example.com", "hash", TestTime.Now);
        var tenant = AdminUser.CreateTenantAdmin("staff@carfu.com", "hash", TenantA, AdminRole.Owner, TestTime.Now);

        platform.Disable();
        tenant.Disable();

        Assert.False(platform.CanAdminister(TenantA));
        Assert.False(tenant.CanAdminister(TenantA));
    }

    [Fact]
    public void Enable_DisabledAdmin_RestoresAccess()
    {
        var admin = AdminUser.CreateTenantAdmin("staff@carfu.com", "hash", TenantA, AdminRole.Owner, TestTime.Now);
        admin.Disable();

        admin.Enable();

        Assert.True(admin.Enabled);
        Assert.True(admin.CanAdminister(TenantA));
    }

    [Fact]
    public void AddMembership_SecondTenant_GrantsBoth()
    {
        var admin = AdminUser.CreateTenantAdmin("staff@carfu.com", "hash", TenantA, AdminRole.Owner, TestTime.Now);

        admin.AddMembership(TenantB, AdminRole.Owner, TestTime.Now.AddDays(1));

        Assert.Equal([TenantA, TenantB], admin.Memberships.Select(m => m.TenantId));
        Assert.True(admin.CanAdminister(TenantB));
    }

    [Fact]
    public void AddMembership_SameTenantAgain_KeepsTheOriginalMembership()
    {
        var admin = AdminUser.CreateTenantAdmin("staff@carfu.com", "hash", TenantA, AdminRole.Owner, TestTime.Now);

        admin.AddMembership(TenantA, AdminRole.Owner, TestTime.Now.AddDays(1));

        var membership = Assert.Single(admin.Memberships);
        Assert.Equal(TestTime.Now, membership.CreatedAt);
    }

    [Fact]
    public void AddMembership_EmptyTenant_IsRefused()
    {
        var admin = AdminUser.CreatePlatformAdmin("root@example.com", "hash", TestTime.Now);

        Assert.Throws<DomainException>(() => admin.AddMembership(Guid.Empty, AdminRole.Owner, TestTime.Now));
        Assert.Empty(admin.Memberships);
    }

    [Fact]
    public void RemoveMembership_MemberTenant_RevokesAccessToItOnly()
    {
        var admin = AdminUser.CreateTenantAdmin("staff@carfu.com", "hash", TenantA, AdminRole.Owner, TestTime.Now);
        admin.AddMembership(TenantB, AdminRole.Owner, TestTime.Now);

        admin.RemoveMembership(TenantA);
        admin.RemoveMembership(TenantA);

        Assert.False(admin.CanAdminister(TenantA));
        Assert.True(admin.CanAdminister(TenantB));
        Assert.Single(admin.Memberships);
    }

    [Fact]
    public void SetPasswordHash_NewHash_ChangesTheSecurityStamp()
    {
        var admin = AdminUser.CreatePlatformAdmin("root@example.com", "hash", TestTime.Now);
        var stamp = admin.SecurityStamp;

        admin.SetPasswordHash("hash-2");

        Assert.Equal("hash-2", admin.PasswordHash);
        Assert.NotEqual(stamp, admin.SecurityStamp);
    }
}
