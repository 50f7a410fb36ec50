using AlexaLinkHub.Application.Common.Tenancy;
using AlexaLinkHub.Application.Common.Exceptions;
using AlexaLinkHub.Application.Tenants;
using AlexaLinkHub.Application.UnitTests.Support;
using AlexaLinkHub.TestSupport;
using FluentValidation;

namespace AlexaLinkHub.Application.UnitTests.Tenants;

public sealed class PreviewTenantBrandingTests
{
    [Fact]
    public async Task Preview_ValidDraft_IsTheTenantSiteWithTheDraftAndNothingIsSaved()
    {
        await using var app = await AppServices.CreateAsync();
        var acme = await app.CreateTenantAsync("acme", "Acme Taxis");

        var site = await app.AsAdminOf<TenantSite>(acme, new PreviewTenantBranding(new UpdateTenantBranding { PrimaryColor = "#ABC", LogoUrl = "https://cdn.acme.example/logo.png" }));

        Assert.Equal(("acme", "Acme Taxis"), (site.Slug, site.DisplayName));
        Assert.Equal(("#aabbcc", "#ffffff", "https://cdn.acme.example/logo.png"), (site.Branding.PrimaryColor, site.Branding.BackgroundColor, site.Branding.LogoUrl));
        Assert.Equal("#1f6feb", (await app.AsAdminOf<TenantDto>(acme, new GetTenant())).Branding.PrimaryColor);
    }

    [Fact]
    public async Task Preview_InvalidLogoUrl_IsRefusedNamingTheField()
    {
        await using var app = await AppServices.CreateAsync();
        var acme = await app.CreateTenantAsync("acme");

        var invalid = await Assert.ThrowsAsync<ValidationException>(() =>
            app.AsAdminOf<TenantSite>(acme, new PreviewTenantBranding(new UpdateTenantBranding { LogoUrl = "http://cdn.acme.example/logo.png" })));

        Assert.Equal(["logoUrl must use https."], invalid.MessagesFor("logoUrl"));
    }

    [Fact]
    public async Task Preview_OfAnotherTenant_IsNotFound()
    {
        await using var app = await AppServices.CreateAsync();
        var acme = await app.CreateTenantAsync("acme");
        var globex = await app.CreateTenantAsync("globex");

        await Assert.ThrowsAsync<NotFoundException>(() =>
            app.SendAsync<TenantSite>(new PreviewTenantBranding(new UpdateTenantBranding()), (actor, scope) =>
            {
                actor.Set(Actor.Admin(Guid.NewGuid(), "admin@acme.example", false, new Dictionary<Guid, Domain.Admins.AdminRole> { [acme.Id] = Domain.Admins.AdminRole.Owner }, app.Clock.GetUtcNow(), null));
                scope.EnterTenant(globex.Id, globex.Slug);
            }));
    }
}
