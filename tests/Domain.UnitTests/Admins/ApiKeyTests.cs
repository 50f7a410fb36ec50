using AlexaLinkHub.Domain.Admins;
using AlexaLinkHub.Domain.Common;

namespace AlexaLinkHub.Domain.UnitTests.Admins;

public class ApiKeyTests
{
    private static readonly Guid TenantA = Guid.Parse("0195a1b2-0000-7000-8000-00000000000a");
    private static readonly Guid TenantB = Guid.Parse("0195a1b2-0000-7000-8000-00000000000b");

    [Fact]
    public void CreatePlatformKey_ValidInput_HasNoTenantAndIsActive()
    {
        var key = ApiKey.CreatePlatformKey(" ops ", "alh_ab12", "key-hash", TestTime.Now);

        Assert.Equal(7, key.Id.Version);
        Assert.Null(key.TenantId);
        Assert.True(key.IsPlatformKey);
        Assert.True(key.IsActive);
        Assert.Equal("ops", key.Name);
        Assert.Equal("alh_ab12", key.Prefix);
        Assert.Equal("key-hash", key.KeyHash);
        Assert.Equal(TestTime.Now, key.CreatedAt);
        Assert.Null(key.RevokedAt);
        Assert.Null(key.LastUsedAt);
    }

    [Fact]
    public void CreateTenantKey_ValidInput_BelongsToThatTenant()
    {
        var key = ApiKey.CreateTenantKey(TenantA, "ci", AdminRole.Admin, "alh_cd34", "key-hash", TestTime.Now);

        Assert.Equal(TenantA, key.TenantId);
        Assert.False(key.IsPlatformKey);
        Assert.True(key.IsActive);
    }

    [Fact]
    public void CreateTenantKey_EmptyTenant_IsRefused() =>
        Assert.Throws<DomainException>(() => ApiKey.CreateTenantKey(Guid.Empty, "ci", AdminRole.Admin, "alh_cd34", "key-hash", TestTime.Now));

    [Theory]
    [InlineData("", "alh_ab12", "hash")]
    [InlineData("ci", "", "hash")]
    [InlineData("ci", "alh_ab12", " ")]
    public void CreatePlatformKey_MissingNamePrefixOrHash_IsRefused(string name, string prefix, string hash) =>
        Assert.Throws<DomainException>(() => ApiKey.CreatePlatformKey(name, prefix, hash, TestTime.Now));

    [Fact]
    public void CreateTenantKey_MarkupInName_IsRefusedNamingName() =>
        Assert.Equal("name", Assert.Throws<DomainException>(() =>
            ApiKey.CreateTenantKey(TenantA, "<script>", AdminRole.Admin, "alh_cd34", "key-hash", TestTime.Now)).Field);

    [Fact]
    public void CanAccess_PlatformKey_EveryTenant()
    {
        var key = ApiKey.CreatePlatformKey("ops", "alh_ab12", "key-hash", TestTime.Now);

        Assert.True(key.CanAccess(TenantA));
        Assert.True(key.CanAccess(TenantB));
    }

    [Fact]
    public void CanAccess_TenantKey_OnlyItsOwnTenant()
    {
        var key = ApiKey.CreateTenantKey(TenantA, "ci", AdminRole.Admin, "alh_cd34", "key-hash", TestTime.Now);

        Assert.True(key.CanAccess(TenantA));
        Assert.False(key.CanAccess(TenantB));
        Assert.False(key.CanAccess(Guid.Empty));
    }

    [Fact]
    public void CanAccess_RevokedKey_Nothing()
    {
        var platform = ApiKey.CreatePlatformKey("ops", "alh_ab12", "key-hash", TestTime.Now);
        var tenant = ApiKey.CreateTenantKey(TenantA, "ci", AdminRole.Admin, "alh_cd34", "key-hash-2", TestTime.Now);

        platform.Revoke(TestTime.Now.AddHours(1));
        tenant.Revoke(TestTime.Now.AddHours(1));

        Assert.False(platform.CanAccess(TenantA));
        Assert.False(tenant.CanAccess(TenantA));
        Assert.False(platform.IsActive);
        Assert.False(tenant.IsActive);
    }

    [Fact]
    public void Revoke_Twice_KeepsTheFirstRevocationTime()
    {
        var key = ApiKey.CreateTenantKey(TenantA, "ci", AdminRole.Admin, "alh_cd34", "key-hash", TestTime.Now);

        key.Revoke(TestTime.Now.AddHours(1));
        key.Revoke(TestTime.Now.AddHours(2));

        Assert.Equal(TestTime.Now.AddHours(1), key.RevokedAt);
    }

    [Fact]
    public void MarkUsed_RecordsTheLastUse()
    {
        var key = ApiKey.CreatePlatformKey("ops", "alh_ab12", "key-hash", TestTime.Now);

        key.MarkUsed(TestTime.Now.AddMinutes(1));
        key.MarkUsed(TestTime.Now.AddMinutes(5));

        Assert.Equal(TestTime.Now.AddMinutes(5), key.LastUsedAt);
    }
}
