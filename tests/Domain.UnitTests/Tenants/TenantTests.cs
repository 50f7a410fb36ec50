using AlexaLinkHub.Domain.Common;
using AlexaLinkHub.Domain.Tenants;

namespace AlexaLinkHub.Domain.UnitTests.Tenants;

public class TenantTests
{
    [Fact]
    public void Create_ValidInput_IsActiveWithDefaultBrandingAndTrimmedValues()
    {
        var tenant = Tenant.Create(" carfu ", "  CarFu Taxis ", TestTime.Now);

        Assert.NotEqual(Guid.Empty, tenant.Id);
        Assert.Equal(7, tenant.Id.Version);
        Assert.Equal("carfu", tenant.Slug);
        Assert.Equal("CarFu Taxis", tenant.DisplayName);
        Assert.Equal(TenantStatus.Active, tenant.Status);
        Assert.True(tenant.IsActive);
        Assert.Equal(Branding.Default, tenant.Branding);
        Assert.Equal(TestTime.Now, tenant.CreatedAt);
        Assert.Null(tenant.SuspendedAt);
    }

    [Fact]
    public void Create_TwoTenants_GetDistinctIds() =>
        Assert.NotEqual(Tenant.Create("one", "One", TestTime.Now).Id, Tenant.Create("two", "Two", TestTime.Now).Id);

    [Fact]
    public void Create_InvalidSlug_IsRefusedNamingSlug()
    {
        var ex = Assert.Throws<DomainException>(() => Tenant.Create("Admin!", "Admin", TestTime.Now));

        Assert.Equal("slug", ex.Field);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    public void Create_BlankDisplayName_IsRefusedNamingDisplayName(string displayName)
    {
        var ex = Assert.Throws<DomainException>(() => Tenant.Create("carfu", displayName, TestTime.Now));

        Assert.Equal("displayName", ex.Field);
        Assert.Equal("Display name is required.", ex.Message);
    }

    [Fact]
    public void Create_DisplayNameOfHundredCharacters_IsAccepted() =>
        Assert.Equal(100, Tenant.Create("carfu", new string('x', 100), TestTime.Now).DisplayName.Length);

    [Fact]
    public void Create_DisplayNameOverHundredCharacters_IsRefusedNamingTheLimit()
    {
        var ex = Assert.Throws<DomainException>(() => Tenant.Create("carfu", new string('x', 101), TestTime.Now));

        Assert.Equal("displayName", ex.Field);
        Assert.Contains("100", ex.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("<b>CarFu</b>")]
    [InlineData("CarFu <script>alert(1)</script>")]
    [InlineData("a > b")]
    public void Create_DisplayNameWithMarkup_IsRefusedAsPlainTextOnly(string displayName)
    {
        var ex = Assert.Throws<DomainException>(() => Tenant.Create("carfu", displayName, TestTime.Now));

        Assert.Equal("displayName", ex.Field);
        Assert.Contains("plain text", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Create_DisplayNameWithControlCharacter_IsRefused()
    {
        var ex = Assert.Throws<DomainException>(() => Tenant.Create("carfu", "Car\u0000Fu", TestTime.Now));

        Assert.Equal("displayName", ex.Field);
    }

    [Fact]
    public void Rename_ValidName_ReplacesTrimmed()
    {
        var tenant = Tenant.Create("carfu", "CarFu", TestTime.Now);

        tenant.Rename("  CarFu Rides ");

        Assert.Equal("CarFu Rides", tenant.DisplayName);
    }

    [Fact]
    public void Rename_InvalidName_IsRefusedAndKeepsTheOldName()
    {
        var tenant = Tenant.Create("carfu", "CarFu", TestTime.Now);

        Assert.Throws<DomainException>(() => tenant.Rename("<i>x</i>"));

        Assert.Equal("CarFu", tenant.DisplayName);
    }

    [Fact]
    public void ChangeBranding_NewBranding_Replaces()
    {
        var tenant = Tenant.Create("carfu", "CarFu", TestTime.Now);
        var branding = Branding.Create("https://cdn.carfu.com/logo.png", "#000", null, null, null);

        tenant.ChangeBranding(branding);

        Assert.Same(branding, tenant.Branding);
    }

    [Fact]
    public void ChangeBranding_Null_IsRefused()
    {
        var tenant = Tenant.Create("carfu", "CarFu", TestTime.Now);

        Assert.Throws<ArgumentNullException>(() => tenant.ChangeBranding(null!));
        Assert.Equal(Branding.Default, tenant.Branding);
    }

    [Fact]
    public void Suspend_ActiveTenant_BecomesSuspendedAtTheGivenTime()
    {
        var tenant = Tenant.Create("carfu", "CarFu", TestTime.Now);

        tenant.Suspend(TestTime.Now.AddDays(1));

        Assert.Equal(TenantStatus.Suspended, tenant.Status);
        Assert.False(tenant.IsActive);
        Assert.Equal(TestTime.Now.AddDays(1), tenant.SuspendedAt);
    }

    [Fact]
    public void Suspend_AlreadySuspended_KeepsTheFirstSuspensionTime()
    {
        var tenant = Tenant.Create("carfu", "CarFu", TestTime.Now);
        tenant.Suspend(TestTime.Now.AddDays(1));

        tenant.Suspend(TestTime.Now.AddDays(2));

        Assert.Equal(TenantStatus.Suspended, tenant.Status);
        Assert.Equal(TestTime.Now.AddDays(1), tenant.SuspendedAt);
    }

    [Fact]
    public void Reactivate_SuspendedTenant_BecomesActiveAndForgetsSuspensionTime()
    {
        var tenant = Tenant.Create("carfu", "CarFu", TestTime.Now);
        tenant.Suspend(TestTime.Now.AddDays(1));

        tenant.Reactivate();

        Assert.Equal(TenantStatus.Active, tenant.Status);
        Assert.True(tenant.IsActive);
        Assert.Null(tenant.SuspendedAt);
    }

    [Fact]
    public void Reactivate_ActiveTenant_StaysActive()
    {
        var tenant = Tenant.Create("carfu", "CarFu", TestTime.Now);

        tenant.Reactivate();
        tenant.Reactivate();

        Assert.True(tenant.IsActive);
        Assert.Null(tenant.SuspendedAt);
    }

    [Fact]
    public void Suspend_AfterReactivation_RecordsTheNewSuspensionTime()
    {
        var tenant = Tenant.Create("carfu", "CarFu", TestTime.Now);
        tenant.Suspend(TestTime.Now.AddDays(1));
        tenant.Reactivate();

        tenant.Suspend(TestTime.Now.AddDays(3));

        Assert.Equal(TestTime.Now.AddDays(3), tenant.SuspendedAt);
    }
}
