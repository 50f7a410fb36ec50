using AlexaLinkHub.Domain.Common;
using AlexaLinkHub.Domain.Users;

namespace AlexaLinkHub.Domain.UnitTests.Users;

/// <summary>An imported customer's password: the vendor's hash until the first sign-in with us, none at all (the legacy
/// endpoint decides) when the file had none — and a re-import never replaces a password that is ours.</summary>
public class EndUserImportTests
{
    private static readonly Guid Tenant = Guid.NewGuid();
    private const string Bcrypt = "$2b$10$TfbeH8E.c7dqKyR/cTB9IOEUvup8U9Xh6QjQlku2IayPJ2ChJv0hW";

    [Fact]
    public void Import_WithAHash_IsImportedAndUnconfirmedUnlessVerified()
    {
        var user = EndUser.Import(Tenant, " Ann@Example.com ", "Ann", "crm-1", emailVerified: false, Bcrypt, TestTime.Now);
        var verified = EndUser.Import(Tenant, "bob@example.com", "Bob", null, emailVerified: true, Bcrypt, TestTime.Now);

        Assert.Equal((PasswordSource.Imported, Bcrypt, "Ann@Example.com", false), (user.PasswordSource, user.PasswordHash, user.Email, user.EmailConfirmed));
        Assert.True(verified.EmailConfirmed);
    }

    [Fact]
    public void Import_WithoutAHash_HasNoUsablePasswordAndIsLegacy()
    {
        var user = EndUser.Import(Tenant, "ann@example.com", "Ann", null, false, null, TestTime.Now);

        Assert.Equal((PasswordSource.Legacy, EndUser.NoPasswordHash), (user.PasswordSource, user.PasswordHash));
    }

    [Fact]
    public void ApplyImport_ReplacesAnImportedHash_ButNeverOurOwn()
    {
        var imported = EndUser.Import(Tenant, "ann@example.com", "Ann", null, false, Bcrypt, TestTime.Now);
        var own = EndUser.Create(Tenant, "bob@example.com", "Bob", "AQAAAAIAAYagAAAAEOwn", null, TestTime.Now);

        imported.ApplyImport("ann@example.com", "Ann B.", "crm-1", null, "$2b$10$other");
        own.ApplyImport("bob@example.com", "Bob B.", null, true, "$2b$10$other");

        Assert.Equal(("$2b$10$other", PasswordSource.Imported, "Ann B.", "crm-1"), (imported.PasswordHash, imported.PasswordSource, imported.DisplayName, imported.ExternalId));
        Assert.Equal(("AQAAAAIAAYagAAAAEOwn", PasswordSource.Own, "Bob B.", true), (own.PasswordHash, own.PasswordSource, own.DisplayName, own.EmailConfirmed));
    }

    [Fact]
    public void ApplyImport_NewEmail_IsUnconfirmedUnlessTheFileSaysVerified()
    {
        var user = EndUser.Import(Tenant, "ann@example.com", "Ann", null, true, null, TestTime.Now);

        user.ApplyImport("ann@new.example", "Ann", null, null, null);

        Assert.Equal(("ann@new.example", false), (user.Email, user.EmailConfirmed));
    }

    [Fact]
    public void SetPasswordHash_AfterAnImport_MakesThePasswordOurs()
    {
        var user = EndUser.Import(Tenant, "ann@example.com", "Ann", null, false, Bcrypt, TestTime.Now);
        var stamp = user.SecurityStamp;

        user.SetPasswordHash("AQAAAAIAAYagAAAAEOurs");

        Assert.Equal(PasswordSource.Own, user.PasswordSource);
        Assert.NotEqual(stamp, user.SecurityStamp);
    }

    [Fact]
    public void DisplayName_WithMarkup_IsKeptAsText()
    {
        var user = EndUser.Import(Tenant, "ann@example.com", "<script>alert(1)</script>", null, false, null, TestTime.Now);

        Assert.Equal("<script>alert(1)</script>", user.DisplayName);
    }

    [Fact]
    public void Import_HashLongerThanTheColumn_IsRefusedOnPasswordHash()
    {
        var ex = Assert.Throws<DomainException>(() => EndUser.Import(Tenant, "ann@example.com", "Ann", null, false, new string('a', 501), TestTime.Now));

        Assert.Equal("passwordHash", ex.Field);
    }
}
