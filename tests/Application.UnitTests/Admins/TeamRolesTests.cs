using AlexaLinkHub.Application.Admins;
using AlexaLinkHub.Application.ApiKeys;
using AlexaLinkHub.Application.Common.Exceptions;
using AlexaLinkHub.Application.Common.Tenancy;
using AlexaLinkHub.Application.Tenants;
using AlexaLinkHub.Application.UnitTests.Support;
using AlexaLinkHub.Domain.Admins;
using AlexaLinkHub.Domain.Audit;
using AlexaLinkHub.Domain.Common;
using AlexaLinkHub.TestSupport;
using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;
using static AlexaLinkHub.Application.UnitTests.Support.TestActors;

namespace AlexaLinkHub.Application.UnitTests.Admins;

/// <summary>Roles in a tenant, enforced by the mediator pipeline (not by the pages): a viewer sends queries only, an
/// admin changes everything but the team, an owner manages the team, and a tenant never loses its last owner.</summary>
public sealed class TeamRolesTests
{
    private static async Task<AdminIdentity> AddMemberAsync(AppServices app, TenantDto tenant, string email, AdminRole role) =>
        await app.QueryDbAsync(async db =>
        {
            var admin = AdminUser.CreateTenantAdmin(email, "hash", tenant.Id, role, app.Clock.GetUtcNow());
            db.AdminUsers.Add(admin);
            await db.SaveChangesAsync(Ct);
            return AdminIdentity.From(admin, mustEnrolMfa: false);
        });

    private static Task<AdminRole> RoleAsync(AppServices app, TenantDto tenant, Guid adminId) =>
        app.QueryDbAsync(db => db.Set<AdminMembership>().Where(m => m.AdminUserId == adminId && m.TenantId == tenant.Id).Select(m => m.Role).SingleAsync(Ct));

    [Fact]
    public async Task Viewer_ReadsEverything_AndEveryCommandIsRefusedBeforeItsHandler()
    {
        await using var app = await AppServices.CreateAsync();
        await app.SignUpVendorAsync("carfu");
        var tenant = await app.TenantAsync("carfu");
        var viewer = await AddMemberAsync(app, tenant, "viewer@carfu.example", AdminRole.Viewer);

        var team = await app.AsAdmin<IReadOnlyList<TenantAdminDto>>(viewer, new ListTenantAdmins(), tenant);
        await app.AsAdmin<IReadOnlyList<ApiKeyDto>>(viewer, new ListApiKeys(), tenant);
        var key = await Assert.ThrowsAsync<ForbiddenException>(() => app.AsAdmin<CreatedApiKeyDto>(viewer, new CreateApiKey { Name = "ci" }, tenant));
        await Assert.ThrowsAsync<ForbiddenException>(() => app.AsAdmin<Unit>(viewer, new RenameTenant { DisplayName = "Mine now" }, tenant));

        Assert.Equal(["owner", "viewer"], team.OrderBy(a => a.Email).Select(a => a.Role));
        Assert.Contains("viewer", key.Message, StringComparison.Ordinal);
        Assert.Equal(0, await app.QueryDbAsync(db => db.ApiKeys.CountAsync(Ct)));
        Assert.Equal("Car Fu Motors", (await app.TenantAsync("carfu")).DisplayName);
    }

    [Fact]
    public async Task ViewerApiKey_ReadsAndNeverWrites_AdminKeyWrites()
    {
        await using var app = await AppServices.CreateAsync();
        var tenant = await app.CreateTenantAsync("carfu");
        var viewerKey = await app.AsAdminOf<CreatedApiKeyDto>(tenant, new CreateApiKey { Name = "dashboards", Role = "viewer" });
        var defaultKey = await app.AsAdminOf<CreatedApiKeyDto>(tenant, new CreateApiKey { Name = "ci" });
        var owner = app.AsAdminOf<CreatedApiKeyDto>(tenant, new CreateApiKey { Name = "boss", Role = "owner" });
        Task<T> AsViewerKey<T>(IMessage message) => app.SendAsync<T>(message, (actor, scope) =>
        {
            actor.Set(Actor.ApiKey(viewerKey.Prefix, tenant.Id, null, AdminRole.Viewer));
            scope.EnterTenant(tenant.Id, tenant.Slug);
        });

        var keys = await AsViewerKey<IReadOnlyList<ApiKeyDto>>(new ListApiKeys());
        await Assert.ThrowsAsync<ForbiddenException>(() => AsViewerKey<Unit>(new RevokeApiKey(defaultKey.Id)));

        Assert.Equal(("viewer", "admin"), (viewerKey.Role, defaultKey.Role));
        Assert.Equal("role", Assert.Single((await Assert.ThrowsAsync<ValidationException>(() => owner)).Errors).PropertyName);
        Assert.All(keys, k => Assert.True(k.Active));
        Assert.Contains("name=dashboards; role=viewer", (await app.AuditEventsAsync(AuditActions.ApiKeyCreated)).Select(e => e.Details));
    }

    [Fact]
    public async Task Admin_ChangesTheTenant_ButNotItsTeam()
    {
        await using var app = await AppServices.CreateAsync();
        var vendor = await app.SignUpVendorAsync("carfu");
        var tenant = await app.TenantAsync("carfu");
        var admin = await AddMemberAsync(app, tenant, "admin@carfu.example", AdminRole.Admin);

        await app.AsAdmin<Unit>(admin, new RenameTenant { DisplayName = "Car Fu" }, tenant);
        var invite = app.AsAdmin<InvitationOutcome>(admin, new InviteAdmin { Email = "friend@carfu.example", Role = "owner" }, tenant);
        var promote = app.AsAdmin<Unit>(admin, new ChangeAdminRole(admin.AdminId, "owner"), tenant);
        var demote = app.AsAdmin<Unit>(admin, new RemoveTenantAdmin(vendor.Admin.AdminId), tenant);

        Assert.Contains("owner", (await Assert.ThrowsAsync<ForbiddenException>(() => invite)).Message, StringComparison.Ordinal);
        await Assert.ThrowsAsync<ForbiddenException>(() => promote);
        await Assert.ThrowsAsync<ForbiddenException>(() => demote);
        Assert.Equal(AdminRole.Admin, await RoleAsync(app, tenant, admin.AdminId));
        Assert.Equal("Car Fu", (await app.TenantAsync("carfu")).DisplayName);
    }

    [Fact]
    public async Task Owner_InvitesWithARole_ChangesRoles_Disables_Removes_AllAudited()
    {
        await using var app = await AppServices.CreateAsync();
        var vendor = await app.SignUpVendorAsync("carfu");
        var tenant = await app.TenantAsync("carfu");
        var other = await app.SignUpVendorAsync("globex", email: "colleague@carfu.example");
        var colleague = await AddMemberAsync(app, tenant, "second@carfu.example", AdminRole.Viewer);

        await app.AsAdmin<InvitationOutcome>(vendor.Admin, new InviteAdmin { Email = "colleague@carfu.example", Role = "viewer" }, tenant);
        await app.AsAdmin<Unit>(vendor.Admin, new ChangeAdminRole(colleague.AdminId, "admin"), tenant);
        await app.AsAdmin<Unit>(vendor.Admin, new DisableTenantAdmin(other.Admin.AdminId), tenant);
        var disabled = await app.AsAnonymous<AdminIdentity?>(new GetAdminIdentity(other.Admin.AdminId, other.Admin.SecurityStamp));
        await app.AsAdmin<Unit>(vendor.Admin, new RemoveTenantAdmin(colleague.AdminId), tenant);
        var stale = await app.AsAdmin<IReadOnlyList<TenantAdminDto>>(vendor.Admin, new ListTenantAdmins(), tenant);

        Assert.Equal([other.TenantId], disabled!.TenantIds);
        Assert.Equal(AdminRole.Owner, disabled.TenantRoles[other.TenantId]);
        Assert.Equal([("colleague@carfu.example", "viewer", false), ("owner@carfu.example", "owner", true)], stale.Select(a => (a.Email, a.Role, a.Enabled)));
        Assert.Equal("role=viewer", (await app.AuditEventsAsync(AuditActions.AdminMembershipAdded)).Single().Details);
        Assert.Equal("from=viewer; to=admin", (await app.AuditEventsAsync(AuditActions.AdminRoleChanged)).Single().Details);
        Assert.Equal("admin:colleague@carfu.example", (await app.AuditEventsAsync(AuditActions.AdminDisabled)).Single().Target);
        Assert.Equal("admin:second@carfu.example", (await app.AuditEventsAsync(AuditActions.AdminRemoved)).Single().Target);
    }

    [Fact]
    public async Task LastOwner_CannotBeDemotedDisabledOrRemoved_UntilThereIsAnother()
    {
        await using var app = await AppServices.CreateAsync();
        var vendor = await app.SignUpVendorAsync("carfu");
        var tenant = await app.TenantAsync("carfu");
        var self = vendor.Admin.AdminId;

        var demote = await Assert.ThrowsAsync<DomainException>(() => app.AsAdmin<Unit>(vendor.Admin, new ChangeAdminRole(self, "admin"), tenant));
        await Assert.ThrowsAsync<DomainException>(() => app.AsAdmin<Unit>(vendor.Admin, new DisableTenantAdmin(self), tenant));
        await Assert.ThrowsAsync<DomainException>(() => app.AsAdmin<Unit>(vendor.Admin, new RemoveTenantAdmin(self), tenant));
        var second = await AddMemberAsync(app, tenant, "second@carfu.example", AdminRole.Owner);
        await app.AsAdmin<Unit>(vendor.Admin, new ChangeAdminRole(self, "viewer"), tenant);

        Assert.Equal(TenantTeam.LastOwnerMessage, demote.Message);
        Assert.Equal(AdminRole.Viewer, await RoleAsync(app, tenant, self));
        Assert.Equal(AdminRole.Owner, await RoleAsync(app, tenant, second.AdminId));
    }

    [Fact]
    public async Task TeamChanges_AreDangerous_AndNeedARecentProof()
    {
        await using var app = await AppServices.CreateAsync();
        var vendor = await app.SignUpVendorAsync("carfu");
        var tenant = await app.TenantAsync("carfu");
        var colleague = await AddMemberAsync(app, tenant, "second@carfu.example", AdminRole.Admin);
        var stale = TimeSpan.FromMinutes(16);

        await Assert.ThrowsAsync<StepUpRequiredException>(() => app.AsAdmin<Unit>(vendor.Admin, new ChangeAdminRole(colleague.AdminId, "viewer"), tenant, stale));
        await Assert.ThrowsAsync<StepUpRequiredException>(() => app.AsAdmin<Unit>(vendor.Admin, new RemoveTenantAdmin(colleague.AdminId), tenant, stale));
        await Assert.ThrowsAsync<StepUpRequiredException>(() => app.AsAdmin<Unit>(vendor.Admin, new DisableTenantAdmin(colleague.AdminId), tenant, stale));
        var stranger = await app.SignUpVendorAsync("globex");
        var foreign = app.AsAdmin<Unit>(vendor.Admin, new ChangeAdminRole(stranger.Admin.AdminId, "viewer"), tenant);

        await Assert.ThrowsAsync<NotFoundException>(() => foreign);
        Assert.Equal(AdminRole.Admin, await RoleAsync(app, tenant, colleague.AdminId));
    }
}
