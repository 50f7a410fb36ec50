using AlexaLinkHub.Domain.Common;

namespace AlexaLinkHub.Domain.UnitTests.Skills;

public class SkillSecretRotationTests
{
    private static readonly DateTimeOffset RotatedAt = TestTime.Now.AddDays(10);

    [Fact]
    public void RotateSecret_WithOverlap_KeepsThePreviousSecretUntilNowPlusOverlap()
    {
        var skill = SkillBuilder.Register();

        skill.RotateSecret("hash-of-secret-2", RotatedAt, TimeSpan.FromHours(24));

        Assert.Equal("hash-of-secret-2", skill.ClientSecretHash);
        Assert.Equal(SkillBuilder.InitialSecretHash, skill.PreviousClientSecretHash);
        Assert.Equal(RotatedAt.AddHours(24), skill.PreviousSecretValidUntil);
        Assert.Equal(RotatedAt, skill.UpdatedAt);
    }

    [Fact]
    public void RotateSecret_ZeroOverlap_DropsThePreviousSecretAtOnce()
    {
        var skill = SkillBuilder.Register();

        skill.RotateSecret("hash-of-secret-2", RotatedAt, TimeSpan.Zero);

        Assert.Equal("hash-of-secret-2", skill.ClientSecretHash);
        Assert.Null(skill.PreviousClientSecretHash);
        Assert.Null(skill.PreviousSecretValidUntil);
        Assert.False(skill.IsPreviousSecretValid(RotatedAt));
    }

    [Fact]
    public void RotateSecret_ZeroOverlapDuringAnOverlap_AlsoEndsTheEarlierOverlap()
    {
        var skill = SkillBuilder.Register();
        skill.RotateSecret("hash-of-secret-2", RotatedAt, TimeSpan.FromHours(24));

        skill.RotateSecret("hash-of-secret-3", RotatedAt.AddHours(1), TimeSpan.Zero);

        Assert.Equal("hash-of-secret-3", skill.ClientSecretHash);
        Assert.Null(skill.PreviousClientSecretHash);
        Assert.False(skill.IsPreviousSecretValid(RotatedAt.AddHours(1)));
    }

    [Fact]
    public void RotateSecret_TwiceWithOverlap_OnlyTheImmediatelyPreviousSecretStaysValid()
    {
        var skill = SkillBuilder.Register();
        skill.RotateSecret("hash-of-secret-2", RotatedAt, TimeSpan.FromHours(24));

        skill.RotateSecret("hash-of-secret-3", RotatedAt.AddHours(1), TimeSpan.FromHours(2));

        Assert.Equal("hash-of-secret-3", skill.ClientSecretHash);
        Assert.Equal("hash-of-secret-2", skill.PreviousClientSecretHash);
        Assert.Equal(RotatedAt.AddHours(3), skill.PreviousSecretValidUntil);
    }

    [Fact]
    public void RotateSecret_NegativeOverlap_IsRefusedAndChangesNothing()
    {
        var skill = SkillBuilder.Register();

        var ex = Assert.Throws<DomainException>(() => skill.RotateSecret("hash-of-secret-2", RotatedAt, TimeSpan.FromSeconds(-1)));

        Assert.Equal("overlap", ex.Field);
        Assert.Equal(SkillBuilder.InitialSecretHash, skill.ClientSecretHash);
        Assert.Null(skill.PreviousClientSecretHash);
        Assert.Null(skill.PreviousSecretValidUntil);
        Assert.Equal(TestTime.Now, skill.UpdatedAt);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    public void RotateSecret_BlankNewHash_IsRefusedAndChangesNothing(string hash)
    {
        var skill = SkillBuilder.Register();

        Assert.Throws<DomainException>(() => skill.RotateSecret(hash, RotatedAt, TimeSpan.FromHours(24)));

        Assert.Equal(SkillBuilder.InitialSecretHash, skill.ClientSecretHash);
        Assert.Null(skill.PreviousClientSecretHash);
        Assert.Null(skill.PreviousSecretValidUntil);
        Assert.False(skill.IsPreviousSecretValid(RotatedAt));
    }

    [Fact]
    public void IsPreviousSecretValid_NeverRotated_IsFalse() =>
        Assert.False(SkillBuilder.Register().IsPreviousSecretValid(TestTime.Now));

    [Fact]
    public void IsPreviousSecretValid_AtTheRotationInstant_IsTrue()
    {
        var skill = SkillBuilder.Register();
        skill.RotateSecret("hash-of-secret-2", RotatedAt, TimeSpan.FromHours(24));

        Assert.True(skill.IsPreviousSecretValid(RotatedAt));
    }

    [Fact]
    public void IsPreviousSecretValid_OneTickBeforeTheEnd_IsTrue()
    {
        var skill = SkillBuilder.Register();
        skill.RotateSecret("hash-of-secret-2", RotatedAt, TimeSpan.FromHours(24));

        Assert.True(skill.IsPreviousSecretValid(RotatedAt.AddHours(24).AddTicks(-1)));
    }

    [Fact]
    public void IsPreviousSecretValid_ExactlyAtTheEnd_IsFalse()
    {
        var skill = SkillBuilder.Register();
        skill.RotateSecret("hash-of-secret-2", RotatedAt, TimeSpan.FromHours(24));

        Assert.False(skill.IsPreviousSecretValid(RotatedAt.AddHours(24)));
    }

    [Fact]
    public void IsPreviousSecretValid_AfterTheEnd_IsFalse()
    {
        var skill = SkillBuilder.Register();
        skill.RotateSecret("hash-of-secret-2", RotatedAt, TimeSpan.FromHours(24));

        Assert.False(skill.IsPreviousSecretValid(RotatedAt.AddDays(2)));
    }

    [Fact]
    public void EndSecretOverlap_DuringTheOverlap_InvalidatesThePreviousSecretAtOnce()
    {
        var skill = SkillBuilder.Register();
        skill.RotateSecret("hash-of-secret-2", RotatedAt, TimeSpan.FromHours(24));

        skill.EndSecretOverlap(RotatedAt.AddHours(1));

        Assert.Null(skill.PreviousClientSecretHash);
        Assert.Null(skill.PreviousSecretValidUntil);
        Assert.False(skill.IsPreviousSecretValid(RotatedAt.AddHours(1)));
        Assert.Equal("hash-of-secret-2", skill.ClientSecretHash);
        Assert.Equal(RotatedAt.AddHours(1), skill.UpdatedAt);
    }

    [Fact]
    public void EndSecretOverlap_WithoutAnOverlap_KeepsTheCurrentSecret()
    {
        var skill = SkillBuilder.Register();

        skill.EndSecretOverlap(RotatedAt);

        Assert.Equal(SkillBuilder.InitialSecretHash, skill.ClientSecretHash);
        Assert.Null(skill.PreviousClientSecretHash);
        Assert.False(skill.IsPreviousSecretValid(RotatedAt));
    }

    [Fact]
    public void Update_DuringAnOverlap_KeepsBothSecrets()
    {
        var skill = SkillBuilder.Register();
        skill.RotateSecret("hash-of-secret-2", RotatedAt, TimeSpan.FromHours(24));

        skill.Update("Renamed", skill.GrantType, skill.Scopes, skill.Domains, skill.RedirectUrls, null, RotatedAt.AddHours(1));

        Assert.Equal("hash-of-secret-2", skill.ClientSecretHash);
        Assert.True(skill.IsPreviousSecretValid(RotatedAt.AddHours(1)));
    }
}
