using AlexaLinkHub.Application.Common.Exceptions;
using AlexaLinkHub.Application.Common.Security;
using AlexaLinkHub.Application.Skills;
using AlexaLinkHub.Application.UnitTests.Support;
using AlexaLinkHub.Domain.Audit;
using AlexaLinkHub.Infrastructure.Persistence;
using AlexaLinkHub.TestSupport;
using FluentValidation;
using Microsoft.EntityFrameworkCore;
using static AlexaLinkHub.Application.UnitTests.Support.TestActors;

namespace AlexaLinkHub.Application.UnitTests.Skills;

public sealed class RegisterSkillTests
{
    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.PostgreSql)]
    public async Task Register_WithoutClientId_GeneratesOneAndStoresOnlyTheSecretsHash(DatabaseProvider provider)
    {
        await using var app = await AppServices.CreateAsync(provider);
        var acme = await app.CreateTenantAsync("acme");

        var registered = await app.AsAdminOf<RegisteredSkillDto>(acme, Requests.Skill());

        Assert.Matches("^skill-[a-z0-9]{20}$", registered.Skill.ClientId);
        var stored = await app.QueryDbAsync(db => db.Skills.SingleAsync(Ct));
        Assert.Equal((registered.Skill.Id, acme.Id, registered.Skill.ClientId), (stored.Id, stored.TenantId, stored.ClientId));
        Assert.True(SecretTokens.Matches(registered.ClientSecret, stored.ClientSecretHash));
        Assert.False(SecretTokens.Matches(registered.ClientSecret + "x", stored.ClientSecretHash));
        Assert.Null(stored.PreviousClientSecretHash);
        Assert.True(registered.ClientSecret.Length >= 43, "256 random bits, base64url");
        Assert.DoesNotContain(await app.AllValuesAsync("Skills"), value => value.Contains(registered.ClientSecret, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Register_VendorChosenClientId_IsKeptAsGiven()
    {
        await using var app = await AppServices.CreateAsync();
        var acme = await app.CreateTenantAsync("acme");

        var registered = await app.AsAdminOf<RegisteredSkillDto>(acme, Requests.Skill(clientId: "Acme-Taxi.v2_~"));

        Assert.Equal("Acme-Taxi.v2_~", registered.Skill.ClientId);
        Assert.Equal("Acme-Taxi.v2_~", await app.QueryDbAsync(db => db.Skills.Select(s => s.ClientId).SingleAsync(Ct)));
    }

    [Fact]
    public async Task Register_ReportsTheTenantsOAuthEndpointsAndSettings()
    {
        await using var app = await AppServices.CreateAsync();
        var acme = await app.CreateTenantAsync("acme");

        var skill = (await app.AsAdminOf<RegisteredSkillDto>(acme, Requests.Skill(clientId: "taxi"))).Skill;

        Assert.Equal("https://alh.test/t/acme/connect/authorize", skill.AuthorizationUri);
        Assert.Equal("https://alh.test/t/acme/connect/token", skill.TokenUri);
        Assert.Equal("https://alh.test/t/acme/connect/introspect", skill.IntrospectionUri);
        Assert.Equal("https://alh.test/t/acme/connect/revoke", skill.RevocationUri);
        Assert.Equal("https://alh.test/t/acme/connect/userinfo", skill.UserInfoUri);
        Assert.Equal(["HTTP Basic", "Credentials in request body"], skill.ClientAuthenticationSchemes);
        Assert.Equal("authorization_code", skill.GrantType);
        Assert.Equal(["taxi.order", "taxi.status"], skill.Scopes.Select(s => s.Name));
        Assert.Equal("order a taxi on your behalf", skill.Scopes[0].Description);
        Assert.Equal(["cdn.example.com"], skill.Domains);
        Assert.Equal([Requests.AlexaRedirect, Requests.AlexaRedirectEu], skill.RedirectUrls);
        Assert.Equal(3600, skill.AccessTokenLifetimeSeconds);
        Assert.True(skill.Enabled);
        Assert.Null(skill.PreviousSecretValidUntil);
    }

    [Fact]
    public async Task Register_Implicit_DefaultsToALongTokenLifetime()
    {
        await using var app = await AppServices.CreateAsync();
        var acme = await app.CreateTenantAsync("acme");

        var skill = (await app.AsAdminOf<RegisteredSkillDto>(acme, Requests.Skill() with { GrantType = "implicit" })).Skill;

        Assert.Equal("implicit", skill.GrantType);
        Assert.Equal((int)TimeSpan.FromDays(3650).TotalSeconds, skill.AccessTokenLifetimeSeconds);
    }

    [Fact]
    public async Task Register_ClientIdTakenInAnotherTenant_IsAConflictOnClientId()
    {
        await using var app = await AppServices.CreateAsync();
        var acme = await app.CreateTenantAsync("acme");
        var globex = await app.CreateTenantAsync("globex");
        await app.AsAdminOf<RegisteredSkillDto>(acme, Requests.Skill(clientId: "taxi"));

        var conflict = await Assert.ThrowsAsync<ConflictException>(() => app.AsAdminOf<RegisteredSkillDto>(globex, Requests.Skill(clientId: "taxi")));

        Assert.Equal("clientId", conflict.Field);
        Assert.Equal(1, await app.QueryDbAsync(db => db.Skills.CountAsync(Ct)));
        Assert.Equal(acme.Id, Assert.Single(await app.AuditEventsAsync(AuditActions.SkillRegistered)).TenantId);
    }

    [Fact]
    public async Task Register_ClientIdTakenInTheSameTenant_IsAConflictOnClientId()
    {
        await using var app = await AppServices.CreateAsync();
        var acme = await app.CreateTenantAsync("acme");
        await app.AsAdminOf<RegisteredSkillDto>(acme, Requests.Skill(clientId: "taxi"));

        var conflict = await Assert.ThrowsAsync<ConflictException>(() => app.AsAdminOf<RegisteredSkillDto>(acme, Requests.Skill(clientId: "taxi", name: "Other")));

        Assert.Equal("clientId", conflict.Field);
    }

    [Fact]
    public async Task Register_SixteenScopes_IsRefusedNamingTheLimit()
    {
        await using var app = await AppServices.CreateAsync();
        var acme = await app.CreateTenantAsync("acme");
        var scopes = Enumerable.Range(1, 16).Select(i => new SkillScopeDto($"scope{i}", $"do thing {i}")).ToList();

        var invalid = await Assert.ThrowsAsync<ValidationException>(() => app.AsAdminOf<RegisteredSkillDto>(acme, Requests.Skill() with { Scopes = scopes }));

        Assert.Contains(invalid.MessagesFor("scopes"), m => m.Contains("at most 15 scopes", StringComparison.Ordinal) && m.Contains("16 were given", StringComparison.Ordinal));
        Assert.Equal(0, await app.QueryDbAsync(db => db.Skills.CountAsync(Ct)));
    }

    [Fact]
    public async Task Register_FifteenScopesAndThirtyDomains_IsAccepted()
    {
        await using var app = await AppServices.CreateAsync();
        var acme = await app.CreateTenantAsync("acme");
        var request = Requests.Skill() with
        {
            Scopes = Enumerable.Range(1, 15).Select(i => new SkillScopeDto($"scope{i}", $"do thing {i}")).ToList(),
            Domains = Enumerable.Range(1, 30).Select(i => $"cdn{i}.example.com").ToList(),
        };

        var skill = (await app.AsAdminOf<RegisteredSkillDto>(acme, request)).Skill;

        Assert.Equal((15, 30), (skill.Scopes.Count, skill.Domains.Count));
    }

    [Fact]
    public async Task Register_ThirtyOneDomains_IsRefusedNamingTheLimit()
    {
        await using var app = await AppServices.CreateAsync();
        var acme = await app.CreateTenantAsync("acme");
        var domains = Enumerable.Range(1, 31).Select(i => $"cdn{i}.example.com").ToList();

        var invalid = await Assert.ThrowsAsync<ValidationException>(() => app.AsAdminOf<RegisteredSkillDto>(acme, Requests.Skill() with { Domains = domains }));

        Assert.Contains(invalid.MessagesFor("domains"), m => m.Contains("at most 30 domains", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("http://pitangui.amazon.com/api/skill/link/M2A", "https")]
    [InlineData("https://pitangui.amazon.com/api/skill/link/M2A#frag", "fragment")]
    [InlineData("https://user:pw@pitangui.amazon.com/api/skill/link/M2A", "user name or password")]
    [InlineData("ftp://pitangui.amazon.com/api/skill/link/M2A", "https")]
    [InlineData("https://pitangui.amazon.com/a b", "spaces")]
    public async Task Register_UnacceptableRedirectUrl_NamesItsIndex(string url, string expected)
    {
        await using var app = await AppServices.CreateAsync();
        var acme = await app.CreateTenantAsync("acme");

        var invalid = await Assert.ThrowsAsync<ValidationException>(() =>
            app.AsAdminOf<RegisteredSkillDto>(acme, Requests.Skill() with { RedirectUrls = [Requests.AlexaRedirect, url] }));

        Assert.Contains(expected, Assert.Single(invalid.MessagesFor("redirectUrls[1]")), StringComparison.Ordinal);
        Assert.Equal(["redirectUrls[1]"], invalid.Fields());
    }

    [Fact]
    public async Task Register_SeveralBadFields_ReportsEachOfThem()
    {
        await using var app = await AppServices.CreateAsync();
        var acme = await app.CreateTenantAsync("acme");
        var request = Requests.Skill(clientId: "a b") with
        {
            Name = "",
            GrantType = "password",
            Scopes = [new SkillScopeDto("order taxi", "order a taxi")],
            Domains = ["not a host"],
            RedirectUrls = [],
            AccessTokenLifetimeSeconds = 60,
        };

        var invalid = await Assert.ThrowsAsync<ValidationException>(() => app.AsAdminOf<RegisteredSkillDto>(acme, request));

        foreach (var field in new[] { "clientId", "name", "grantType", "scopes[0].name", "domains[0]", "redirectUrls", "accessTokenLifetimeSeconds" })
            invalid.MessagesFor(field);
        Assert.Contains("360", Assert.Single(invalid.MessagesFor("accessTokenLifetimeSeconds")), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Register_AuditsTheConfigurationButNeverTheSecret()
    {
        await using var app = await AppServices.CreateAsync();
        var acme = await app.CreateTenantAsync("acme");

        var registered = await app.AsAdminOf<RegisteredSkillDto>(acme, Requests.Skill(clientId: "taxi"));

        var audit = Assert.Single(await app.AuditEventsAsync(AuditActions.SkillRegistered));
        Assert.Equal((acme.Id, "skill:taxi", "api-key:tenant-test-acme"), (audit.TenantId!.Value, audit.Target, audit.Actor));
        Assert.Contains("scopes=taxi.order taxi.status", audit.Details, StringComparison.Ordinal);
        Assert.Contains("grantType=authorization_code", audit.Details, StringComparison.Ordinal);
        Assert.DoesNotContain(await app.AllValuesAsync("AuditEvents"), value => value.Contains(registered.ClientSecret, StringComparison.Ordinal));
        Assert.DoesNotContain(await app.AllValuesAsync("AuditEvents"), value => value.Contains(SecretTokens.Hash(registered.ClientSecret), StringComparison.Ordinal));
    }
}
