using AlexaLinkHub.Application.Common.Tenancy;
using AlexaLinkHub.Application.Admins;
using AlexaLinkHub.Application.Tenants;
using AlexaLinkHub.TestSupport;
using Mediator;

namespace AlexaLinkHub.Application.UnitTests.Support;

/// <summary>The admin area's actors, as its page filter sets them up, and the end user of a tenant page.</summary>
public static class AdminActors
{
    public const string VendorPassword = "vendor secret passphrase";

    /// <summary>A vendor signs up on their own (an anonymous visitor of the sign-up page).</summary>
    public static Task<VendorSignUpResult> SignUpVendorAsync(this AppServices app, string slug, string? email = null, string organization = "Car Fu Motors") =>
        app.AsAnonymous<VendorSignUpResult>(new SignUpVendor { Email = email ?? $"owner@{slug}.example", Password = VendorPassword, OrganizationName = organization, TenantSlug = slug });

    /// <summary>A signed-in admin (their rights as the session carries them), in <paramref name="tenant"/>'s scope when given;
    /// the session proved who they are <paramref name="verifiedAgo"/> ago (default: just now).</summary>
    public static Task<T> AsAdmin<T>(this AppServices app, AdminIdentity admin, IMessage message, TenantDto? tenant = null, TimeSpan? verifiedAgo = null) =>
        app.SendAsync<T>(message, (actor, scope) =>
        {
            actor.Set(Actor.Admin(admin.AdminId, admin.Email, admin.IsPlatformAdmin, admin.TenantRoles, app.Clock.GetUtcNow() - (verifiedAgo ?? TimeSpan.Zero), "10.0.0.1"));
            if (tenant is not null)
                scope.EnterTenant(tenant.Id, tenant.Slug);
        });

    /// <summary>A signed-in end user of <paramref name="tenant"/> (a tenant page).</summary>
    public static Task<T> AsEndUserOf<T>(this AppServices app, TenantDto tenant, Guid userId, IMessage message) =>
        app.SendAsync<T>(message, (actor, scope) =>
        {
            actor.Set(Actor.EndUser(userId, "203.0.113.7"));
            scope.EnterTenant(tenant.Id, tenant.Slug);
        });

    /// <summary>An anonymous visitor of <paramref name="tenant"/>'s pages.</summary>
    public static Task<T> AsVisitorOf<T>(this AppServices app, TenantDto tenant, IMessage message) =>
        app.SendAsync<T>(message, (actor, scope) =>
        {
            actor.Set(Actor.Anonymous("203.0.113.9"));
            scope.EnterTenant(tenant.Id, tenant.Slug);
        });

    /// <summary>The tenant with this slug, as its admins see it.</summary>
    public static async Task<TenantDto> TenantAsync(this AppServices app, string slug)
    {
        var id = await app.QueryDbAsync(db => Task.FromResult(db.Tenants.Single(t => t.Slug == slug).Id));
        return await app.SendAsTenantAdminAsync<TenantDto>(id, slug, new GetTenant());
    }
}
