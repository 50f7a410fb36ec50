using AlexaLinkHub.Domain.Common;
using AlexaLinkHub.Domain.Skills;

namespace AlexaLinkHub.Domain.UnitTests.Skills;

public class SkillRegistrationTests
{
    [Fact]
    public void Register_ValidInput_IsEnabledWithEverythingAsGiven()
    {
        var skill = SkillBuilder.Register(name: "  CarFu  ");

        Assert.Equal(7, skill.Id.Version);
        Assert.Equal(SkillBuilder.TenantId, skill.TenantId);
        Assert.Equal("CarFu", skill.Name);
        Assert.Equal("carfu-skill", skill.ClientId);
        Assert.Equal(GrantType.Implicit, skill.GrantType);
        Assert.Equal(["order_car"], skill.Scopes.Select(s => s.Name));
        Assert.Equal(["cdn.carfu.com"], skill.Domains);
        Assert.Equal([SkillBuilder.AlexaRedirectUrl], skill.RedirectUrls);
        Assert.Equal(SkillBuilder.InitialSecretHash, skill.ClientSecretHash);
        Assert.Null(skill.PreviousClientSecretHash);
        Assert.Null(skill.PreviousSecretValidUntil);
        Assert.True(skill.Enabled);
        Assert.Equal(TestTime.Now, skill.CreatedAt);
        Assert.Equal(TestTime.Now, skill.UpdatedAt);
    }

    [Fact]
    public void Register_EmptyTenantId_IsRefused()
    {
        var ex = Assert.Throws<DomainException>(() => SkillBuilder.Register(tenantId: Guid.Empty));

        Assert.Contains("tenant", ex.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("")]
    [InlineData("  ")]
    public void Register_BlankSecretHash_IsRefused(string hash)
    {
        var ex = Assert.Throws<DomainException>(() => SkillBuilder.Register(clientSecretHash: hash));

        Assert.Contains("secret", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Register_InvalidClientId_IsRefusedNamingClientId()
    {
        var ex = Assert.Throws<DomainException>(() => SkillBuilder.Register(clientId: "has space"));

        Assert.Equal("clientId", ex.Field);
    }

    [Theory]
    [InlineData("")]
    [InlineData("<b>CarFu</b>")]
    public void Register_BlankOrMarkupName_IsRefusedNamingName(string name)
    {
        var ex = Assert.Throws<DomainException>(() => SkillBuilder.Register(name: name));

        Assert.Equal("name", ex.Field);
    }

    [Fact]
    public void Register_NameOverHundredCharacters_IsRefused()
    {
        var ex = Assert.Throws<DomainException>(() => SkillBuilder.Register(name: new string('n', Skill.NameMaxLength + 1)));

        Assert.Equal("name", ex.Field);
        Assert.Contains("100", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Register_UndefinedGrantType_IsRefusedNamingGrantType()
    {
        var ex = Assert.Throws<DomainException>(() => SkillBuilder.Register(grantType: (GrantType)7));

        Assert.Equal("grantType", ex.Field);
    }

    [Fact]
    public void Register_FifteenScopes_IsAccepted() =>
        Assert.Equal(15, SkillBuilder.Register(scopes: SkillBuilder.Scopes(15)).Scopes.Count);

    [Fact]
    public void Register_SixteenScopes_IsRefusedNamingTheLimit()
    {
        var ex = Assert.Throws<DomainException>(() => SkillBuilder.Register(scopes: SkillBuilder.Scopes(16)));

        Assert.Equal("scopes", ex.Field);
        Assert.Contains("at most 15 scopes", ex.Message, StringComparison.Ordinal);
        Assert.Contains("16 were given", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Register_NoScopes_IsAccepted() =>
        Assert.Empty(SkillBuilder.Register(scopes: []).Scopes);

    [Fact]
    public void Register_SameScopeTwice_IsRefusedNamingTheScope()
    {
        var scopes = new[] { SkillScope.Create("order_car", "order a taxi"), SkillScope.Create("order_car", "order a car", 1) };

        var ex = Assert.Throws<DomainException>(() => SkillBuilder.Register(scopes: scopes));

        Assert.Equal("scopes", ex.Field);
        Assert.Contains("'order_car'", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Register_ScopesDifferingOnlyInCase_AreDistinctScopes()
    {
        // RFC 6749 §3.3: scope strings are case-sensitive.
        var skill = SkillBuilder.Register(scopes: [SkillScope.Create("read", "read"), SkillScope.Create("Read", "Read", 1)]);

        Assert.Equal(["read", "Read"], skill.Scopes.Select(s => s.Name));
        Assert.True(skill.HasScope("Read"));
        Assert.False(skill.HasScope("READ"));
    }

    [Fact]
    public void Register_ThirtyDomains_IsAccepted() =>
        Assert.Equal(30, SkillBuilder.Register(domains: SkillBuilder.Domains(30)).Domains.Count);

    [Fact]
    public void Register_ThirtyOneDomains_IsRefusedNamingTheLimit()
    {
        var ex = Assert.Throws<DomainException>(() => SkillBuilder.Register(domains: SkillBuilder.Domains(31)));

        Assert.Equal("domains", ex.Field);
        Assert.Contains("at most 30 domains", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Register_InvalidDomain_IsRefusedNamingItsIndex()
    {
        var ex = Assert.Throws<DomainException>(() => SkillBuilder.Register(domains: ["cdn.carfu.com", "https://evil.example"]));

        Assert.Equal("domains[1]", ex.Field);
    }

    [Fact]
    public void Register_DomainsDifferingOnlyInCaseOrTrailingDot_AreStoredOnceNormalised()
    {
        var skill = SkillBuilder.Register(domains: ["CDN.carfu.com", "cdn.carfu.com.", " cdn.carfu.com "]);

        Assert.Equal(["cdn.carfu.com"], skill.Domains);
    }

    [Fact]
    public void Register_NoDomains_IsAccepted() =>
        Assert.Empty(SkillBuilder.Register(domains: []).Domains);

    [Fact]
    public void Update_ValidInput_ReplacesTheWholeConfiguration()
    {
        var skill = SkillBuilder.Register();
        var later = TestTime.Now.AddHours(2);

        skill.Update(
            "CarFu Premium",
            GrantType.AuthorizationCode,
            [SkillScope.Create("basic_profile", "see your name")],
            ["static.carfu.com"],
            ["https://layla.amazon.com/api/skill/link/M2AAAAAAAAAAAA"],
            TimeSpan.FromHours(2),
            later);

        Assert.Equal("CarFu Premium", skill.Name);
        Assert.Equal(GrantType.AuthorizationCode, skill.GrantType);
        Assert.Equal(["basic_profile"], skill.Scopes.Select(s => s.Name));
        Assert.Equal(["static.carfu.com"], skill.Domains);
        Assert.Equal(["https://layla.amazon.com/api/skill/link/M2AAAAAAAAAAAA"], skill.RedirectUrls);
        Assert.Equal(7200, skill.AccessTokenLifetimeSeconds);
        Assert.Equal(later, skill.UpdatedAt);
        Assert.Equal(TestTime.Now, skill.CreatedAt);
        Assert.Equal("carfu-skill", skill.ClientId);
    }

    [Fact]
    public void Update_OneInvalidPart_IsRefusedAndChangesNothing()
    {
        var skill = SkillBuilder.Register();

        Assert.Throws<DomainException>(() => skill.Update(
            "Renamed",
            GrantType.AuthorizationCode,
            SkillBuilder.Scopes(3),
            SkillBuilder.Domains(3),
            ["http://insecure.example/cb"],
            null,
            TestTime.Now.AddHours(1)));

        Assert.Equal("CarFu", skill.Name);
        Assert.Equal(GrantType.Implicit, skill.GrantType);
        Assert.Equal(["order_car"], skill.Scopes.Select(s => s.Name));
        Assert.Equal(["cdn.carfu.com"], skill.Domains);
        Assert.Equal([SkillBuilder.AlexaRedirectUrl], skill.RedirectUrls);
        Assert.Equal(TestTime.Now, skill.UpdatedAt);
    }

    [Fact]
    public void Disable_EnabledSkill_IsDisabledAndUpdated()
    {
        var skill = SkillBuilder.Register();

        skill.Disable(TestTime.Now.AddMinutes(5));

        Assert.False(skill.Enabled);
        Assert.Equal(TestTime.Now.AddMinutes(5), skill.UpdatedAt);
    }

    [Fact]
    public void Enable_DisabledSkill_IsEnabledAgain()
    {
        var skill = SkillBuilder.Register();
        skill.Disable(TestTime.Now.AddMinutes(5));

        skill.Enable(TestTime.Now.AddMinutes(10));

        Assert.True(skill.Enabled);
        Assert.Equal(TestTime.Now.AddMinutes(10), skill.UpdatedAt);
    }

    [Fact]
    public void Disable_Twice_StaysDisabled()
    {
        var skill = SkillBuilder.Register();

        skill.Disable(TestTime.Now.AddMinutes(5));
        skill.Disable(TestTime.Now.AddMinutes(6));

        Assert.False(skill.Enabled);
    }
}
