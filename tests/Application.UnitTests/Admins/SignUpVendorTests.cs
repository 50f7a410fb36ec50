using AlexaLinkHub.Application.Admins;
using AlexaLinkHub.Application.Common.Exceptions;
using AlexaLinkHub.Application.UnitTests.Support;
using AlexaLinkHub.Domain.Audit;
using AlexaLinkHub.Infrastructure.Persistence;
using AlexaLinkHub.TestSupport;
using FluentValidation;
using Microsoft.EntityFrameworkCore;
using static AlexaLinkHub.Application.UnitTests.Support.TestActors;

namespace AlexaLinkHub.Application.UnitTests.Admins;

public sealed class SignUpVendorTests
{
    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.PostgreSql)]
    public async Task SignUp_CreatesTheTenantWithTheVendorAsItsFirstAdmin(DatabaseProvider provider)
    {
        await using var app = await AppServices.CreateAsync(provider);

        var result = await app.SignUpVendorAsync("carfu", "Owner@CarFu.example", "Car Fu Motors");

        Assert.Equal("carfu", result.TenantSlug);
        Assert.Equal([result.TenantId], result.Admin.TenantIds);
        Assert.Equal("Owner@CarFu.example", result.Admin.Email);
        var tenant = await app.QueryDbAsync(db => db.Tenants.SingleAsync(Ct));
        Assert.Equal((result.TenantId, "Car Fu Motors"), (tenant.Id, tenant.DisplayName));
        var admin = await app.QueryDbAsync(db => db.AdminUsers.Include(a => a.Memberships).SingleAsync(a => !a.IsPlatformAdmin, Ct));
        Assert.False(admin.IsInvitationPending);
        Assert.Equal(result.TenantId, Assert.Single(admin.Memberships).TenantId);
        var audit = await app.AuditEventsAsync();
        Assert.Equal([AuditActions.AdminCreated, AuditActions.TenantCreated], audit.Select(e => e.Action).Order());
        Assert.All(audit, e => Assert.Equal(result.TenantId, e.TenantId));
    }

    [Fact]
    public async Task SignUp_SelfServiceSwitchedOff_IsForbiddenAndCreatesNothing()
    {
        await using var app = await AppServices.CreateAsync(settings: [new("Onboarding:SelfService", "false")]);

        await Assert.ThrowsAsync<ForbiddenException>(() => app.SignUpVendorAsync("carfu"));

        Assert.Equal(0, await app.QueryDbAsync(db => db.Tenants.CountAsync(Ct)));
    }

    [Fact]
    public async Task SignUp_EmailOfAnExistingAdmin_IsAConflictOnEmail()
    {
        await using var app = await AppServices.CreateAsync();
        await app.SignUpVendorAsync("carfu", "owner@carfu.example");

        var conflict = await Assert.ThrowsAsync<ConflictException>(() => app.SignUpVendorAsync("carfu-two", "OWNER@carfu.example"));

        Assert.Equal("email", conflict.Field);
        Assert.Equal(1, await app.QueryDbAsync(db => db.Tenants.CountAsync(Ct)));
    }

    [Fact]
    public async Task SignUp_TakenSlug_IsAConflictOnSlug()
    {
        await using var app = await AppServices.CreateAsync();
        await app.CreateTenantAsync("carfu");

        var conflict = await Assert.ThrowsAsync<ConflictException>(() => app.SignUpVendorAsync("carfu"));

        Assert.Equal("slug", conflict.Field);
        Assert.Equal(0, await app.QueryDbAsync(db => db.AdminUsers.CountAsync(a => !a.IsPlatformAdmin, Ct)));
    }

    [Fact]
    public async Task SignUp_InvalidInput_ReportsEveryFieldAtOnce()
    {
        await using var app = await AppServices.CreateAsync();

        var invalid = await Assert.ThrowsAsync<ValidationException>(() =>
            app.AsAnonymous<VendorSignUpResult>(new SignUpVendor { Email = "nope", Password = "password", OrganizationName = " ", TenantSlug = "admin" }));

        Assert.Equal(["Enter an email address like name@example.com."], invalid.MessagesFor("email"));
        Assert.Equal(["This password is too common. Choose one that is harder to guess."], invalid.MessagesFor("Password"));
        Assert.Equal(["Organization name is required."], invalid.MessagesFor("OrganizationName"));
        Assert.Equal(["The slug 'admin' is reserved."], invalid.MessagesFor("slug"));
    }
}
