using AlexaLinkHub.Domain.Admins;
using AlexaLinkHub.Domain.Common;

namespace AlexaLinkHub.Domain.UnitTests.Admins;

public class TenantTeamTests
{
    private static readonly Guid TenantA = Guid.Parse("0195a1b2-0000-7000-8000-00000000000a");
    private static readonly Guid TenantB = Guid.Parse("0195a1b2-0000-7000-8000-00000000000b");

    private static AdminUser Member(string email, AdminRole role) => AdminUser.CreateTenantAdmin(email, "hash", TenantA, role, TestTime.Now);

    [Fact]
    public void LastActiveOwner_CannotBeDemotedDisabledOrRemoved()
    {
        var owner = Member("owner@carfu.com", AdminRole.Owner);
        var invited = AdminUser.Invite("later@carfu.com", TenantA, AdminRole.Owner, TestTime.Now);
        var team = new TenantTeam(TenantA, [owner, invited, Member("admin@carfu.com", AdminRole.Admin)]);

        var messages = new[]
        {
            Assert.Throws<DomainException>(() => team.ChangeRole(owner, AdminRole.Admin)).Message,
            Assert.Throws<DomainException>(() => team.Disable(owner)).Message,
            Assert.Throws<DomainException>(() => team.Remove(owner)).Message,
        };

        Assert.All(messages, m => Assert.Equal(TenantTeam.LastOwnerMessage, m));
        Assert.Equal((AdminRole.Owner, true), (owner.MembershipOf(TenantA)!.Role, owner.CanAdminister(TenantA)));
    }

    [Fact]
    public void WithASecondOwner_TheFirstMayStepDown_AndDisablingIsPerTenant()
    {
        var first = Member("first@carfu.com", AdminRole.Owner);
        first.AddMembership(TenantB, AdminRole.Viewer, TestTime.Now);
        var second = Member("second@carfu.com", AdminRole.Owner);
        var team = new TenantTeam(TenantA, [first, second]);

        team.ChangeRole(first, AdminRole.Viewer);
        team.Disable(first);

        Assert.Equal(AdminRole.Viewer, team.RoleOf(first));
        Assert.False(first.CanAdminister(TenantA));
        Assert.True(first.CanAdminister(TenantB));
        Assert.Equal([TenantB], first.ActiveMemberships.Select(m => m.TenantId));
        Assert.Throws<DomainException>(() => team.Remove(second));
        team.Enable(first);
        team.ChangeRole(first, AdminRole.Owner);
        team.Remove(second);
        Assert.Null(second.MembershipOf(TenantA));
    }

    [Fact]
    public void SomeoneOffTheTeam_IsNotFoundInIt()
    {
        var stranger = AdminUser.CreateTenantAdmin("x@globex.com", "hash", TenantB, AdminRole.Owner, TestTime.Now);
        var team = new TenantTeam(TenantA, [Member("owner@carfu.com", AdminRole.Owner), stranger]);

        Assert.Null(team.Find(stranger.Id));
        Assert.Throws<DomainException>(() => team.Remove(stranger));
        Assert.Equal(AdminRole.Owner, stranger.MembershipOf(TenantB)!.Role);
    }

    [Theory]
    [InlineData("owner", AdminRole.Owner)]
    [InlineData(" Viewer ", AdminRole.Viewer)]
    [InlineData("ADMIN", AdminRole.Admin)]
    public void ParseRole_KnownNames(string name, AdminRole role) => Assert.Equal(role, AdminRoles.Parse(name));

    [Theory]
    [InlineData("")]
    [InlineData("root")]
    [InlineData("1")]
    [InlineData(null)]
    public void ParseRole_AnythingElse_IsRefusedNamingRole(string? name) =>
        Assert.Equal("role", Assert.Throws<DomainException>(() => AdminRoles.Parse(name)).Field);

    [Fact]
    public void TenantKey_IsAdminOrViewer_NeverOwner()
    {
        var viewer = ApiKey.CreateTenantKey(TenantA, "ci", AdminRole.Viewer, "alh_cd34", "key-hash", TestTime.Now);

        Assert.Equal(AdminRole.Viewer, viewer.Role);
        Assert.Equal(AdminRole.Admin, AdminRoles.ParseKeyRole(null));
        Assert.Equal("role", Assert.Throws<DomainException>(() => ApiKey.CreateTenantKey(TenantA, "ci", AdminRole.Owner, "alh_cd34", "key-hash", TestTime.Now)).Field);
    }
}
