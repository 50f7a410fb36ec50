using System.Text.RegularExpressions;
using AlexaLinkHub.Application.Admins;
using AlexaLinkHub.Application.Common.Exceptions;
using AlexaLinkHub.Application.Tenants;
using AlexaLinkHub.Application.UnitTests.Support;
using AlexaLinkHub.Domain.Audit;
using AlexaLinkHub.Domain.Emails;
using AlexaLinkHub.TestSupport;
using Microsoft.EntityFrameworkCore;
using static AlexaLinkHub.Application.UnitTests.Support.TestActors;

namespace AlexaLinkHub.Application.UnitTests.Admins;

public sealed class InvitationTests
{
    [Fact]
    public async Task Invite_NewPerson_EmailsALinkThatSetsTheirPasswordOnce()
    {
        await using var app = await AppServices.CreateAsync();
        var vendor = await app.SignUpVendorAsync("carfu");
        var tenant = await app.TenantAsync("carfu");

        var outcome = await app.AsAdmin<InvitationOutcome>(vendor.Admin, new InviteAdmin { Email = "colleague@carfu.example" }, tenant);
        var token = await InvitationTokenAsync(app, "colleague@carfu.example");
        var invitation = await app.AsAnonymous<AdminInvitation?>(new GetAdminInvitation(token));
        var accepted = await app.AsAnonymous<AdminIdentity?>(new AcceptAdminInvitation { Token = token, Password = "colleague passphrase" });
        var reused = await app.AsAnonymous<AdminIdentity?>(new AcceptAdminInvitation { Token = token, Password = "another passphrase" });
        var signIn = await app.AsAnonymous<AdminSignInOutcome>(new SignInAdmin { Email = "colleague@carfu.example", Password = "colleague passphrase" });

        Assert.Equal(InvitationOutcome.Invited, outcome);
        Assert.Equal("colleague@carfu.example", invitation!.Email);
        Assert.Equal([tenant.Id], accepted!.TenantIds);
        Assert.Null(reused);
        Assert.True(signIn.Succeeded);
        var audit = await app.AuditEventsAsync();
        Assert.Contains(audit, e => e.Action == AuditActions.AdminInvited && e.Actor == "admin:owner@carfu.example" && e.TenantId == tenant.Id);
        Assert.Contains(audit, e => e.Action == AuditActions.AdminInvitationAccepted);
    }

    [Fact]
    public async Task Invitation_AfterSevenDays_NoLongerWorks()
    {
        await using var app = await AppServices.CreateAsync();
        var vendor = await app.SignUpVendorAsync("carfu");
        await app.AsAdmin<InvitationOutcome>(vendor.Admin, new InviteAdmin { Email = "late@carfu.example" }, await app.TenantAsync("carfu"));
        var token = await InvitationTokenAsync(app, "late@carfu.example");

        app.Clock.Advance(TimeSpan.FromDays(7) + TimeSpan.FromMinutes(1));

        Assert.Null(await app.AsAnonymous<AdminInvitation?>(new GetAdminInvitation(token)));
        Assert.Null(await app.AsAnonymous<AdminIdentity?>(new AcceptAdminInvitation { Token = token, Password = "late passphrase" }));
        Assert.Null(await app.AsAnonymous<AdminInvitation?>(new GetAdminInvitation(token[..^4] + "AAAA")));
    }

    [Fact]
    public async Task Invite_AnExistingAdmin_AddsTheTenantToTheirAccountAndTellsThem()
    {
        await using var app = await AppServices.CreateAsync();
        var first = await app.SignUpVendorAsync("first");
        var second = await app.SignUpVendorAsync("second", "two@second.example");

        var outcome = await app.AsAdmin<InvitationOutcome>(first.Admin, new InviteAdmin { Email = "TWO@second.example" }, await app.TenantAsync("first"));
        var again = await app.AsAdmin<InvitationOutcome>(first.Admin, new InviteAdmin { Email = "two@second.example" }, await app.TenantAsync("first"));
        var identity = await app.AsAnonymous<AdminIdentity?>(new GetAdminIdentity(second.Admin.AdminId, second.Admin.SecurityStamp));

        Assert.Equal(InvitationOutcome.MembershipAdded, outcome);
        Assert.Equal(InvitationOutcome.AlreadyAdmin, again);
        Assert.Equal(new[] { first.TenantId, second.TenantId }.Order(), identity!.TenantIds.Order());
        var tenants = await app.AsAdmin<IReadOnlyList<TenantSummary>>(identity, new ListAdministeredTenants());
        Assert.Equal(["first", "second"], tenants.Select(t => t.Slug).Order());
        var mail = await app.QueryDbAsync(db => db.Set<OutboundEmail>().SingleAsync(e => e.To == "two@second.example", Ct));
        Assert.Contains("https://alh.test/admin/t/first", mail.TextBody, StringComparison.Ordinal);
        var admins = await app.AsAdmin<IReadOnlyList<TenantAdminDto>>(first.Admin, new ListTenantAdmins(), await app.TenantAsync("first"));
        Assert.Equal(["owner@first.example", "two@second.example"], admins.Select(a => a.Email));
    }

    [Fact]
    public async Task Invite_IntoAnotherTenant_IsNotFound()
    {
        await using var app = await AppServices.CreateAsync();
        var first = await app.SignUpVendorAsync("first");
        await app.SignUpVendorAsync("second");
        var second = await app.TenantAsync("second");

        await Assert.ThrowsAsync<NotFoundException>(() =>
            app.AsAdmin<InvitationOutcome>(first.Admin, new InviteAdmin { Email = "spy@first.example" }, second));
    }

    [Fact]
    public async Task OnboardTenant_WithAnAdminEmail_CreatesTheTenantAndAPendingAdmin()
    {
        await using var app = await AppServices.CreateAsync();

        var tenant = await app.SendAsPlatformAsync<TenantDto>(new OnboardTenant { Slug = "acme", DisplayName = "Acme", AdminEmail = "boss@acme.example" });

        var admin = await app.QueryDbAsync(db => db.AdminUsers.Include(a => a.Memberships).SingleAsync(a => a.Email == "boss@acme.example", Ct));
        Assert.True(admin.IsInvitationPending);
        Assert.Equal(tenant.Id, Assert.Single(admin.Memberships).TenantId);
        var pending = await app.AsAnonymous<AdminSignInOutcome>(new SignInAdmin { Email = "boss@acme.example", Password = AdminDomainPassword });
        Assert.Equal(AdminSignInStatus.BadCredentials, pending.Status);
        Assert.NotEmpty(await InvitationTokenAsync(app, "boss@acme.example"));
    }

    // The sentinel stored for a pending admin: it must never work as a password.
    private const string AdminDomainPassword = Domain.Admins.AdminUser.PendingPasswordHash;

    private static async Task<string> InvitationTokenAsync(AppServices app, string email)
    {
        var mail = await app.QueryDbAsync(db => db.Set<OutboundEmail>().SingleAsync(e => e.To == email, Ct));
        var match = Regex.Match(mail.TextBody, @"https://alh\.test/admin/invitation\?token=(\S+)");
        Assert.True(match.Success, mail.TextBody);
        return Uri.UnescapeDataString(match.Groups[1].Value);
    }
}
