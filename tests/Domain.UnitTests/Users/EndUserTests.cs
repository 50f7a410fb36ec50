using AlexaLinkHub.Domain.Common;
using AlexaLinkHub.Domain.Users;

namespace AlexaLinkHub.Domain.UnitTests.Users;

public class EndUserTests
{
    private static readonly Guid TenantId = Guid.Parse("0195a1b2-0000-7000-8000-000000000002");

    private static EndUser NewUser(string email = "ada@example.com", string? externalId = null) =>
        EndUser.Create(TenantId, email, "Ada Lovelace", "password-hash", externalId, TestTime.Now);

    [Fact]
    public void Create_ValidInput_IsEnabledUnconfirmedAndNormalised()
    {
        var user = EndUser.Create(TenantId, "  Ada@Example.COM ", " Ada Lovelace ", "password-hash", " crm-42 ", TestTime.Now);

        Assert.Equal(7, user.Id.Version);
        Assert.Equal(TenantId, user.TenantId);
        Assert.Equal("Ada@Example.COM", user.Email);
        Assert.Equal("ADA@EXAMPLE.COM", user.NormalizedEmail);
        Assert.Equal("Ada Lovelace", user.DisplayName);
        Assert.Equal("crm-42", user.ExternalId);
        Assert.Equal("password-hash", user.PasswordHash);
        Assert.False(user.EmailConfirmed);
        Assert.True(user.Enabled);
        Assert.False(string.IsNullOrEmpty(user.SecurityStamp));
        Assert.Equal(TestTime.Now, user.CreatedAt);
        Assert.Null(user.DisabledAt);
    }

    [Fact]
    public void Create_EmptyTenant_IsRefused() =>
        Assert.Throws<DomainException>(() => EndUser.Create(Guid.Empty, "ada@example.com", "Ada", "hash", null, TestTime.Now));

    [Fact]
    public void Create_MalformedEmail_IsRefusedNamingEmail() =>
        Assert.Equal("email", Assert.Throws<DomainException>(() => NewUser(email: "ada@")).Field);

    [Fact]
    public void Create_BlankPasswordHash_IsRefusedNamingPassword() =>
        Assert.Equal("password", Assert.Throws<DomainException>(() =>
            EndUser.Create(TenantId, "ada@example.com", "Ada", " ", null, TestTime.Now)).Field);

    [Theory]
    [InlineData("")]
    [InlineData("  ")]
    public void Create_BlankDisplayName_IsRefusedNamingDisplayName(string displayName) =>
        Assert.Equal("displayName", Assert.Throws<DomainException>(() =>
            EndUser.Create(TenantId, "ada@example.com", displayName, "hash", null, TestTime.Now)).Field);

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    public void Create_BlankExternalId_IsStoredAsNone(string? externalId) =>
        Assert.Null(NewUser(externalId: externalId).ExternalId);

    [Fact]
    public void Create_ExternalIdOverTwoHundredCharacters_IsRefusedNamingExternalId()
    {
        var ex = Assert.Throws<DomainException>(() => NewUser(externalId: new string('x', EndUser.ExternalIdMaxLength + 1)));

        Assert.Equal("externalId", ex.Field);
    }

    [Fact]
    public void Create_TwoUsers_GetDifferentSecurityStamps() =>
        Assert.NotEqual(NewUser().SecurityStamp, NewUser().SecurityStamp);

    [Fact]
    public void ChangeEmail_ConfirmedUser_NeedsConfirmationAgain()
    {
        var user = NewUser();
        user.ConfirmEmail();

        user.ChangeEmail(" Grace@Example.com ");

        Assert.Equal("Grace@Example.com", user.Email);
        Assert.Equal("GRACE@EXAMPLE.COM", user.NormalizedEmail);
        Assert.False(user.EmailConfirmed);
    }

    [Fact]
    public void SetPasswordHash_NewHash_ChangesTheSecurityStamp()
    {
        var user = NewUser();
        var before = user.SecurityStamp;

        user.SetPasswordHash("new-hash");

        Assert.Equal("new-hash", user.PasswordHash);
        Assert.NotEqual(before, user.SecurityStamp);
    }

    [Fact]
    public void Disable_EnabledUser_DisablesAndChangesTheSecurityStamp()
    {
        var user = NewUser();
        var stamp = user.SecurityStamp;

        user.Disable(TestTime.Now.AddDays(1));

        Assert.False(user.Enabled);
        Assert.Equal(TestTime.Now.AddDays(1), user.DisabledAt);
        Assert.NotEqual(stamp, user.SecurityStamp);
    }

    [Fact]
    public void Disable_AlreadyDisabled_KeepsTheFirstTimeAndStamp()
    {
        var user = NewUser();
        user.Disable(TestTime.Now.AddDays(1));
        var stamp = user.SecurityStamp;

        user.Disable(TestTime.Now.AddDays(2));

        Assert.Equal(TestTime.Now.AddDays(1), user.DisabledAt);
        Assert.Equal(stamp, user.SecurityStamp);
    }

    [Fact]
    public void Enable_DisabledUser_EnablesAndClearsTheDisabledTime()
    {
        var user = NewUser();
        user.Disable(TestTime.Now.AddDays(1));

        user.Enable();

        Assert.True(user.Enabled);
        Assert.Null(user.DisabledAt);
    }
}
