using AlexaLinkHub.Domain.Common;
using AlexaLinkHub.Domain.Skills;

namespace AlexaLinkHub.Domain.UnitTests.Skills;

public class SkillLifetimeTests
{
    [Fact]
    public void Register_ImplicitWithoutLifetime_DefaultsToTenYears()
    {
        // Implicit tokens cannot be refreshed; when one expires Alexa unlinks the user.
        var skill = SkillBuilder.Register(grantType: GrantType.Implicit);

        Assert.Equal(TimeSpan.FromDays(3650), skill.AccessTokenLifetime);
        Assert.Equal(315_360_000, skill.AccessTokenLifetimeSeconds);
    }

    [Fact]
    public void Register_AuthorizationCodeWithoutLifetime_DefaultsToOneHour()
    {
        var skill = SkillBuilder.Register(grantType: GrantType.AuthorizationCode);

        Assert.Equal(TimeSpan.FromHours(1), skill.AccessTokenLifetime);
        Assert.Equal(3600, skill.AccessTokenLifetimeSeconds);
    }

    [Theory]
    [InlineData(360)]
    [InlineData(3600)]
    [InlineData(315_360_000)]
    public void Register_LifetimeWithinAlexaBounds_IsKept(int seconds)
    {
        var skill = SkillBuilder.Register(accessTokenLifetime: TimeSpan.FromSeconds(seconds));

        Assert.Equal(seconds, skill.AccessTokenLifetimeSeconds);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-1)]
    [InlineData(359)]
    [InlineData(315_360_001)]
    public void Register_LifetimeOutsideBounds_IsRefusedNamingTheBounds(int seconds)
    {
        var ex = Assert.Throws<DomainException>(() => SkillBuilder.Register(accessTokenLifetime: TimeSpan.FromSeconds(seconds)));

        Assert.Equal("accessTokenLifetimeSeconds", ex.Field);
        // The one message of the rule, as the API reports it too (the bounds in seconds, the field by its wire name).
        Assert.Contains("between 360 (Alexa's minimum) and 315360000", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Register_JustUnderSixMinutesBySubSecond_IsRefused()
    {
        var lifetime = TimeSpan.FromSeconds(360) - TimeSpan.FromMilliseconds(1);

        Assert.Throws<DomainException>(() => SkillBuilder.Register(accessTokenLifetime: lifetime));
    }

    [Fact]
    public void Update_GrantTypeChangedWithoutLifetime_TakesTheNewGrantTypesDefault()
    {
        var skill = SkillBuilder.Register(grantType: GrantType.Implicit);

        skill.Update(skill.Name, GrantType.AuthorizationCode, skill.Scopes, skill.Domains, skill.RedirectUrls, null, TestTime.Now);

        Assert.Equal(TimeSpan.FromHours(1), skill.AccessTokenLifetime);
    }

    [Fact]
    public void Update_WithoutLifetime_ReplacesAnExplicitLifetimeWithTheDefault()
    {
        // PUT semantics: an absent lifetime means "the default", not "keep what was there".
        var skill = SkillBuilder.Register(grantType: GrantType.AuthorizationCode, accessTokenLifetime: TimeSpan.FromHours(8));

        skill.Update(skill.Name, GrantType.AuthorizationCode, skill.Scopes, skill.Domains, skill.RedirectUrls, null, TestTime.Now);

        Assert.Equal(TimeSpan.FromHours(1), skill.AccessTokenLifetime);
    }

    [Fact]
    public void Bounds_AreAlexasMinimumAndTenYears()
    {
        Assert.Equal(TimeSpan.FromMinutes(6), Skill.MinAccessTokenLifetime);
        Assert.Equal(TimeSpan.FromDays(3650), Skill.MaxAccessTokenLifetime);
    }
}
