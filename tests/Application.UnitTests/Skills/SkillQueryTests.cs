using AlexaLinkHub.Application.Common.Exceptions;
using AlexaLinkHub.Application.Skills;
using AlexaLinkHub.Application.UnitTests.Support;
using AlexaLinkHub.TestSupport;
using Mediator;

namespace AlexaLinkHub.Application.UnitTests.Skills;

public sealed class SkillQueryTests
{
    [Fact]
    public async Task GetSkill_OwnSkill_ReturnsItWithoutASecret()
    {
        await using var app = await AppServices.CreateAsync();
        var acme = await app.CreateTenantAsync("acme");
        var registered = await app.AsAdminOf<RegisteredSkillDto>(acme, Requests.Skill(clientId: "taxi"));

        var skill = await app.AsAdminOf<SkillDto>(acme, new GetSkill("taxi"));

        Assert.Equal(
            (registered.Skill.Id, "taxi", "Taxi", registered.Skill.AuthorizationUri, registered.Skill.CreatedAt),
            (skill.Id, skill.ClientId, skill.Name, skill.AuthorizationUri, skill.CreatedAt));
        Assert.Equal(registered.Skill.Scopes, skill.Scopes);
        Assert.Equal(registered.Skill.Domains, skill.Domains);
        Assert.Equal(registered.Skill.RedirectUrls, skill.RedirectUrls);
        Assert.DoesNotContain(typeof(SkillDto).GetProperties(), p => p.Name.Contains("Secret", StringComparison.Ordinal) && p.PropertyType == typeof(string));
    }

    [Fact]
    public async Task GetSkill_OfAnotherTenant_IsNotFound()
    {
        await using var app = await AppServices.CreateAsync();
        var acme = await app.CreateTenantAsync("acme");
        var globex = await app.CreateTenantAsync("globex");
        await app.AsAdminOf<RegisteredSkillDto>(acme, Requests.Skill(clientId: "taxi"));

        await Assert.ThrowsAsync<NotFoundException>(() => app.AsAdminOf<SkillDto>(globex, new GetSkill("taxi")));
        // Even a platform admin sees only the skills of the tenant in scope.
        await Assert.ThrowsAsync<NotFoundException>(() => app.AsPlatformIn<SkillDto>(globex, new GetSkill("taxi")));
    }

    [Fact]
    public async Task GetSkill_Unknown_IsNotFound()
    {
        await using var app = await AppServices.CreateAsync();
        var acme = await app.CreateTenantAsync("acme");

        var notFound = await Assert.ThrowsAsync<NotFoundException>(() => app.AsAdminOf<SkillDto>(acme, new GetSkill("nosuch")));

        Assert.Equal("Skill not found.", notFound.Message);
    }

    [Fact]
    public async Task ListSkills_ListsOnlyTheTenantsOwnSkills_ByName()
    {
        await using var app = await AppServices.CreateAsync();
        var acme = await app.CreateTenantAsync("acme");
        var globex = await app.CreateTenantAsync("globex");
        await app.AsAdminOf<RegisteredSkillDto>(acme, Requests.Skill(clientId: "acme-taxi", name: "Taxi"));
        await app.AsAdminOf<RegisteredSkillDto>(acme, Requests.Skill(clientId: "acme-bus", name: "Bus"));
        await app.AsAdminOf<RegisteredSkillDto>(globex, Requests.Skill(clientId: "globex-tram", name: "Tram"));

        var acmeSkills = await app.AsAdminOf<IReadOnlyList<SkillDto>>(acme, new ListSkills());
        var globexSkills = await app.AsAdminOf<IReadOnlyList<SkillDto>>(globex, new ListSkills());

        Assert.Equal(["acme-bus", "acme-taxi"], acmeSkills.Select(s => s.ClientId));
        Assert.All(acmeSkills, s => Assert.StartsWith("https://alh.test/t/acme/", s.AuthorizationUri, StringComparison.Ordinal));
        Assert.Equal("globex-tram", Assert.Single(globexSkills).ClientId);
    }

    [Fact]
    public async Task SkillCommands_OnAnotherTenantsSkill_AreNotFound()
    {
        await using var app = await AppServices.CreateAsync();
        var acme = await app.CreateTenantAsync("acme");
        var globex = await app.CreateTenantAsync("globex");
        await app.AsAdminOf<RegisteredSkillDto>(acme, Requests.Skill(clientId: "taxi"));

        await Assert.ThrowsAsync<NotFoundException>(() => app.AsAdminOf<RotatedSecretDto>(globex, new RotateClientSecret("taxi")));
        await Assert.ThrowsAsync<NotFoundException>(() => app.AsAdminOf<Unit>(globex, new DisableSkill("taxi")));
        await Assert.ThrowsAsync<NotFoundException>(() => app.AsAdminOf<Unit>(globex, new EndSecretOverlap("taxi")));
        var update = Requests.Skill();
        await Assert.ThrowsAsync<NotFoundException>(() => app.AsAdminOf<SkillDto>(globex, new UpdateSkill
        {
            ClientId = "taxi", Name = "Hijacked", GrantType = update.GrantType, RedirectUrls = update.RedirectUrls,
        }));

        var skill = await app.AsAdminOf<SkillDto>(acme, new GetSkill("taxi"));
        Assert.Equal(("Taxi", true), (skill.Name, skill.Enabled));
    }
}
