using AlexaLinkHub.Application.Common.Tenancy;
using AlexaLinkHub.Application.Tenants;
using AlexaLinkHub.Domain.Audit;
using AlexaLinkHub.TestSupport;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace AlexaLinkHub.Application.UnitTests.Support;

/// <summary>The ways a request reaches the application in these tests, each one as the web layer would set it up.</summary>
public static class TestActors
{
    public const string PlatformActor = "api-key:platform-test";

    public static CancellationToken Ct => TestContext.Current.CancellationToken;

    public static Task<TenantDto> CreateTenantAsync(this AppServices app, string slug, string? displayName = null) =>
        app.SendAsPlatformAsync<TenantDto>(new CreateTenant { Slug = slug, DisplayName = displayName ?? $"Tenant {slug}" });

    /// <summary>An admin of <paramref name="tenant"/> (a tenant API key), with that tenant in scope.</summary>
    public static Task<T> AsAdminOf<T>(this AppServices app, TenantDto tenant, IMessage message) =>
        app.SendAsTenantAdminAsync<T>(tenant.Id, tenant.Slug, message);

    /// <summary>A platform admin acting inside one tenant (a platform key on <c>/api/v1/tenants/{slug}/…</c>).</summary>
    public static Task<T> AsPlatformIn<T>(this AppServices app, TenantDto tenant, IMessage message) =>
        app.SendAsync<T>(message, (actor, scope) =>
        {
            actor.Set(new Actor(ActorKind.ApiKey, PlatformActor, true, [], "127.0.0.1"));
            scope.EnterTenant(tenant.Id, tenant.Slug);
        });

    /// <summary>An admin of <paramref name="tenant"/> before any tenant is in scope (what the scope filter sees).</summary>
    public static Task<T> AsAdminOfWithoutScope<T>(this AppServices app, TenantDto tenant, IMessage message) =>
        app.SendAsync<T>(message, (actor, _) => actor.Set(Actor.ApiKey($"tenant-test-{tenant.Slug}", tenant.Id, "127.0.0.1")));

    /// <summary>Nobody yet: what the API key authentication handler runs as.</summary>
    public static Task<T> AsAnonymous<T>(this AppServices app, IMessage message) =>
        app.SendAsync<T>(message, (actor, _) => actor.Set(Actor.Anonymous("127.0.0.1")));

    /// <summary>Every audit event, oldest first, read in the platform scope.</summary>
    public static Task<List<AuditEvent>> AuditEventsAsync(this AppServices app, string? action = null) =>
        app.QueryDbAsync(db => db.AuditEvents
            .Where(e => action == null || e.Action == action)
            .OrderBy(e => e.OccurredAt).ThenBy(e => e.Id)
            .ToListAsync(Ct));
}
