using AlexaLinkHub.Application.Common.Exceptions;
using AlexaLinkHub.Application.Tenants;
using AlexaLinkHub.Application.UnitTests.Support;
using AlexaLinkHub.Domain.Audit;
using AlexaLinkHub.Domain.Tenants;
using AlexaLinkHub.Infrastructure.Persistence;
using AlexaLinkHub.TestSupport;
using FluentValidation;
using Microsoft.EntityFrameworkCore;
using static AlexaLinkHub.Application.UnitTests.Support.TestActors;

namespace AlexaLinkHub.Application.UnitTests.Tenants;

public sealed class UpdateTenantTests
{
    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.PostgreSql)]
    public async Task Update_TenantAdminSendingNameAndStatus_IsForbiddenAndChangesNothing(DatabaseProvider provider)
    {
        await using var app = await AppServices.CreateAsync(provider);
        var acme = await app.CreateTenantAsync("acme", "Acme");

        await Assert.ThrowsAsync<ForbiddenException>(() =>
            app.AsAdminOf<TenantDto>(acme, new UpdateTenant { DisplayName = "Acme Renamed", Status = "suspended" }));

        var stored = await app.QueryDbAsync(db => db.Tenants.SingleAsync(t => t.Id == acme.Id, Ct));
        Assert.Equal("Acme", stored.DisplayName);
        Assert.Equal(TenantStatus.Active, stored.Status);
        Assert.Equal([AuditActions.TenantCreated], (await app.AuditEventsAsync()).Select(e => e.Action));
    }

    [Fact]
    public async Task Update_NameAppliedThenBrandingInvalid_RollsBackTheRenameAndItsAuditEvent()
    {
        await using var app = await AppServices.CreateAsync();
        var acme = await app.CreateTenantAsync("acme", "Acme");

        var invalid = await Assert.ThrowsAsync<ValidationException>(() => app.AsAdminOf<TenantDto>(acme, new UpdateTenant
        {
            DisplayName = "Acme Renamed",
            Branding = new UpdateTenantBranding { LogoUrl = "http://cdn.acme.example/logo.png" },
        }));

        Assert.Single(invalid.MessagesFor("logoUrl"));
        var stored = await app.QueryDbAsync(db => db.Tenants.SingleAsync(t => t.Id == acme.Id, Ct));
        Assert.Equal("Acme", stored.DisplayName);
        Assert.Equal(Branding.Default, stored.Branding);
        Assert.Equal([AuditActions.TenantCreated], (await app.AuditEventsAsync()).Select(e => e.Action));
    }

    [Fact]
    public async Task Update_TenantAdminRenames_IsStoredAndAudited()
    {
        await using var app = await AppServices.CreateAsync();
        var acme = await app.CreateTenantAsync("acme", "Acme");

        var updated = await app.AsAdminOf<TenantDto>(acme, new UpdateTenant { DisplayName = " Acme Taxis " });

        Assert.Equal("Acme Taxis", updated.DisplayName);
        Assert.Equal("Acme Taxis", await app.QueryDbAsync(db => db.Tenants.Where(t => t.Id == acme.Id).Select(t => t.DisplayName).SingleAsync(Ct)));
        var audit = Assert.Single(await app.AuditEventsAsync(AuditActions.TenantUpdated));
        Assert.Equal((acme.Id, "tenant:acme", "displayName=Acme Taxis", "api-key:tenant-test-acme"), (audit.TenantId!.Value, audit.Target, audit.Details, audit.Actor));
    }

    [Fact]
    public async Task Update_PlatformSuspendsThenReactivates_EachIsStoredAndAuditedOnce()
    {
        await using var app = await AppServices.CreateAsync();
        var acme = await app.CreateTenantAsync("acme");

        var suspended = await app.AsPlatformIn<TenantDto>(acme, new UpdateTenant { Status = "suspended" });
        await app.AsPlatformIn<TenantDto>(acme, new UpdateTenant { Status = "suspended" });

        Assert.Equal(TenantStatusNames.Suspended, suspended.Status);
        var stored = await app.QueryDbAsync(db => db.Tenants.SingleAsync(t => t.Id == acme.Id, Ct));
        Assert.Equal((TenantStatus.Suspended, app.Clock.GetUtcNow()), (stored.Status, stored.SuspendedAt!.Value));
        Assert.Equal(acme.Id, Assert.Single(await app.AuditEventsAsync(AuditActions.TenantSuspended)).TenantId);

        var reactivated = await app.AsPlatformIn<TenantDto>(acme, new UpdateTenant { Status = "active" });
        await app.AsPlatformIn<TenantDto>(acme, new UpdateTenant { Status = "active" });

        Assert.Equal(TenantStatusNames.Active, reactivated.Status);
        Assert.Equal(TenantStatus.Active, await app.QueryDbAsync(db => db.Tenants.Where(t => t.Id == acme.Id).Select(t => t.Status).SingleAsync(Ct)));
        Assert.Single(await app.AuditEventsAsync(AuditActions.TenantReactivated));
    }

    [Fact]
    public async Task Update_UnknownStatus_NamesTheStatusField()
    {
        await using var app = await AppServices.CreateAsync();
        var acme = await app.CreateTenantAsync("acme");

        var invalid = await Assert.ThrowsAsync<ValidationException>(() => app.AsPlatformIn<TenantDto>(acme, new UpdateTenant { Status = "paused" }));

        Assert.Contains("'active' or 'suspended'", Assert.Single(invalid.MessagesFor("status")), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("logoUrl", "http://cdn.acme.example/logo.png", null, null, null)]
    [InlineData("logoUrl", "javascript:alert(1)", null, null, null)]
    [InlineData("logoUrl", "https://user:pw@cdn.acme.example/logo.png", null, null, null)]
    [InlineData("primaryColor", null, "red", null, null)]
    [InlineData("primaryColor", null, "#12345", null, null)]
    [InlineData("primaryColor", null, "#fff;background:url(x)", null, null)]
    [InlineData("backgroundColor", null, null, "rgb(0,0,0)", null)]
    [InlineData("supportUrl", null, null, null, "javascript:alert(document.cookie)")]
    public async Task Update_UnsafeBranding_NamesTheFieldAndStoresNothing(string field, string? logoUrl, string? primary, string? background, string? supportUrl)
    {
        await using var app = await AppServices.CreateAsync();
        var acme = await app.CreateTenantAsync("acme");

        var invalid = await Assert.ThrowsAsync<ValidationException>(() => app.AsAdminOf<TenantDto>(acme, new UpdateTenant
        {
            Branding = new UpdateTenantBranding { LogoUrl = logoUrl, PrimaryColor = primary, BackgroundColor = background, SupportUrl = supportUrl },
        }));

        Assert.Equal([field], invalid.Fields());
        Assert.Equal(Branding.Default, await app.QueryDbAsync(db => db.Tenants.Where(t => t.Id == acme.Id).Select(t => t.Branding).SingleAsync(Ct)));
        Assert.Empty(await app.AuditEventsAsync(AuditActions.TenantBrandingUpdated));
    }

    [Fact]
    public async Task Update_ValidBranding_IsNormalisedStoredAndAudited()
    {
        await using var app = await AppServices.CreateAsync();
        var acme = await app.CreateTenantAsync("acme");

        var updated = await app.AsAdminOf<TenantDto>(acme, new UpdateTenant
        {
            Branding = new UpdateTenantBranding
            {
                LogoUrl = "https://cdn.acme.example/logo.png",
                PrimaryColor = "#ABC",
                BackgroundColor = "#F0F0F0",
                SupportUrl = "https://acme.example/support",
                PrivacyUrl = "https://acme.example/privacy",
            },
        });

        var expected = new BrandingDto("https://cdn.acme.example/logo.png", "#aabbcc", "#f0f0f0", "https://acme.example/support", "https://acme.example/privacy", null);
        Assert.Equal(expected, updated.Branding);
        var stored = await app.QueryDbAsync(db => db.Tenants.Where(t => t.Id == acme.Id).Select(t => t.Branding).SingleAsync(Ct));
        Assert.Equal(expected, BrandingDto.From(stored));
        var audit = Assert.Single(await app.AuditEventsAsync(AuditActions.TenantBrandingUpdated));
        Assert.Equal(acme.Id, audit.TenantId);
        Assert.Contains("logoUrl=https://cdn.acme.example/logo.png", audit.Details, StringComparison.Ordinal);
        Assert.Contains("primaryColor=#aabbcc", audit.Details, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Update_EmptyBranding_FallsBackToTheDefaults()
    {
        await using var app = await AppServices.CreateAsync();
        var acme = await app.CreateTenantAsync("acme");
        await app.AsAdminOf<TenantDto>(acme, new UpdateTenant { Branding = new UpdateTenantBranding { PrimaryColor = "#000000", LogoUrl = "https://cdn.acme.example/l.png" } });

        var reset = await app.AsAdminOf<TenantDto>(acme, new UpdateTenant { Branding = new UpdateTenantBranding { PrimaryColor = " " } });

        Assert.Equal(BrandingDto.From(Branding.Default), reset.Branding);
    }

    [Fact]
    public async Task GetTenant_ReturnsTheTenantInScope()
    {
        await using var app = await AppServices.CreateAsync();
        await app.CreateTenantAsync("acme");
        var globex = await app.CreateTenantAsync("globex", "Globex Corp");

        var found = await app.AsAdminOf<TenantDto>(globex, new GetTenant());

        Assert.Equal((globex.Id, "globex", "Globex Corp"), (found.Id, found.Slug, found.DisplayName));
    }
}
