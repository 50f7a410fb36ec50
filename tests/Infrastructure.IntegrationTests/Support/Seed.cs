using AlexaLinkHub.Application.Skills;
using AlexaLinkHub.Application.Tenants;
using AlexaLinkHub.Application.Users;
using AlexaLinkHub.TestSupport;

namespace AlexaLinkHub.Infrastructure.IntegrationTests.Support;

/// <summary>Data created through the real use cases, as an admin would.</summary>
public static class Seed
{
    public static Task<TenantDto> TenantAsync(this AppServices app, string slug) =>
        app.SendAsPlatformAsync<TenantDto>(new CreateTenant { Slug = slug, DisplayName = $"Vendor {slug}" });

    public static Task<EndUserDto> EndUserAsync(this AppServices app, TenantDto tenant, string email) =>
        app.SendAsTenantAdminAsync<EndUserDto>(tenant.Id, tenant.Slug, new CreateEndUser
        {
            Email = email,
            Password = "correct horse battery staple",
            DisplayName = email.Split('@')[0],
        });

    public static Task<RegisteredSkillDto> SkillAsync(this AppServices app, TenantDto tenant, string clientId) =>
        app.SendAsTenantAdminAsync<RegisteredSkillDto>(tenant.Id, tenant.Slug, new RegisterSkill
        {
            Name = $"Skill {clientId}",
            ClientId = clientId,
            GrantType = "implicit",
            Scopes = [new SkillScopeDto("profile", "read your profile")],
            RedirectUrls = ["https://pitangui.amazon.com/api/skill/link/M2AAAAAAAAAAAA"],
        });
}
