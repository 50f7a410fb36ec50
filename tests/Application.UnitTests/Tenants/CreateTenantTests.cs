using AlexaLinkHub.Application.Common.Exceptions;
using AlexaLinkHub.Application.Common.Models;
using AlexaLinkHub.Application.Tenants;
using AlexaLinkHub.Application.UnitTests.Support;
using AlexaLinkHub.Domain.Audit;
using AlexaLinkHub.Domain.Common;
using AlexaLinkHub.Infrastructure.Persistence;
using AlexaLinkHub.TestSupport;
using FluentValidation;
using Microsoft.EntityFrameworkCore;
using static AlexaLinkHub.Application.UnitTests.Support.TestActors;

namespace AlexaLinkHub.Application.UnitTests.Tenants;

public sealed class CreateTenantTests
{
    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.PostgreSql)]
    public async Task Create_AsPlatform_StoresTheTenantAndAuditsItUnderItsOwnId(DatabaseProvider provider)
    {
        await using var app = await AppServices.CreateAsync(provider);

        var tenant = await app.SendAsPlatformAsync<TenantDto>(new CreateTenant { Slug = "acme", DisplayName = "  Acme Taxis  " });

        Assert.Equal("acme", tenant.Slug);
        Assert.Equal("Acme Taxis", tenant.DisplayName);
        Assert.Equal(TenantStatusNames.Active, tenant.Status);
        Assert.Equal("https://alh.test/t/acme", tenant.Issuer);
        Assert.Equal(app.Clock.GetUtcNow(), tenant.CreatedAt);
        var stored = await app.QueryDbAsync(db => db.Tenants.SingleAsync(Ct));
        Assert.Equal((tenant.Id, "acme", "Acme Taxis"), (stored.Id, stored.Slug, stored.DisplayName));
        var audit = Assert.Single(await app.AuditEventsAsync());
        Assert.Equal(AuditActions.TenantCreated, audit.Action);
        Assert.Equal(tenant.Id, audit.TenantId);
        Assert.Equal("tenant:acme", audit.Target);
        Assert.Equal(PlatformActor, audit.Actor);
        Assert.Equal("127.0.0.1", audit.SourceIp);
    }

    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.PostgreSql)]
    public async Task Create_TakenSlug_IsAConflictOnSlugAndAddsNothing(DatabaseProvider provider)
    {
        await using var app = await AppServices.CreateAsync(provider);
        await app.CreateTenantAsync("acme", "Acme");

        var conflict = await Assert.ThrowsAsync<ConflictException>(() =>
            app.SendAsPlatformAsync<TenantDto>(new CreateTenant { Slug = " acme ", DisplayName = "Another Acme" }));

        Assert.Equal("slug", conflict.Field);
        Assert.Contains("acme", conflict.Message, StringComparison.Ordinal);
        Assert.Equal(1, await app.QueryDbAsync(db => db.Tenants.CountAsync(Ct)));
        Assert.Single(await app.AuditEventsAsync());
    }

    [Fact]
    public async Task Create_InvalidSlugAndEmptyDisplayName_NamesBothFields()
    {
        await using var app = await AppServices.CreateAsync();

        var invalid = await Assert.ThrowsAsync<ValidationException>(() =>
            app.SendAsPlatformAsync<TenantDto>(new CreateTenant { Slug = "Acme Taxis!", DisplayName = "  " }));

        Assert.Contains("lowercase", Assert.Single(invalid.MessagesFor("slug")), StringComparison.Ordinal);
        Assert.Equal("Display name is required.", Assert.Single(invalid.MessagesFor("displayName")));
        Assert.Equal(2, invalid.Fields().Count);
        Assert.Equal(0, await app.QueryDbAsync(db => db.Tenants.CountAsync(Ct)));
    }

    [Theory]
    [InlineData("ab", "3 to 40")]
    [InlineData("-acme", "must not start or end")]
    [InlineData("admin", "reserved")]
    [InlineData("api", "reserved")]
    public async Task Create_UnacceptableSlug_IsRefusedWithTheRule(string slug, string expected)
    {
        await using var app = await AppServices.CreateAsync();

        var invalid = await Assert.ThrowsAsync<ValidationException>(() =>
            app.SendAsPlatformAsync<TenantDto>(new CreateTenant { Slug = slug, DisplayName = "Acme" }));

        Assert.Contains(expected, Assert.Single(invalid.MessagesFor("slug")), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Create_DisplayNameOver100Characters_IsRefused()
    {
        await using var app = await AppServices.CreateAsync();

        var invalid = await Assert.ThrowsAsync<ValidationException>(() =>
            app.SendAsPlatformAsync<TenantDto>(new CreateTenant { Slug = "acme", DisplayName = new string('x', 101) }));

        Assert.Single(invalid.MessagesFor("displayName"));
    }

    [Fact]
    public async Task Create_DisplayNameWithMarkup_IsRefusedByTheEntityAndAddsNothing()
    {
        await using var app = await AppServices.CreateAsync();

        var refused = await Assert.ThrowsAsync<DomainException>(() =>
            app.SendAsPlatformAsync<TenantDto>(new CreateTenant { Slug = "acme", DisplayName = "<b>Acme</b>" }));

        Assert.Equal("displayName", refused.Field);
        Assert.Equal(0, await app.QueryDbAsync(db => db.Tenants.CountAsync(Ct)));
        Assert.Empty(await app.AuditEventsAsync());
    }

    [Fact]
    public async Task Create_ByATenantAdmin_IsForbiddenAndAddsNothing()
    {
        await using var app = await AppServices.CreateAsync();
        var acme = await app.CreateTenantAsync("acme");

        await Assert.ThrowsAsync<ForbiddenException>(() =>
            app.AsAdminOf<TenantDto>(acme, new CreateTenant { Slug = "globex", DisplayName = "Globex" }));

        Assert.False(await app.QueryDbAsync(db => db.Tenants.AnyAsync(t => t.Slug == "globex", Ct)));
        Assert.DoesNotContain(await app.AuditEventsAsync(), e => e.Target == "tenant:globex");
    }

    [Fact]
    public async Task ListTenants_AsPlatform_PagesBySlug_AndATenantAdminIsForbidden()
    {
        await using var app = await AppServices.CreateAsync();
        foreach (var slug in new[] { "globex", "acme", "initech" })
            await app.CreateTenantAsync(slug);

        var page = await app.SendAsPlatformAsync<Page<TenantDto>>(new ListTenants(Page: 1, PageSize: 2));

        Assert.Equal(["acme", "globex"], page.Items.Select(t => t.Slug));
        Assert.Equal(3, page.TotalCount);
        Assert.Equal(2, page.TotalPages);
        var acme = page.Items[0];
        await Assert.ThrowsAsync<ForbiddenException>(() => app.AsAdminOf<Page<TenantDto>>(acme, new ListTenants()));
    }
}
