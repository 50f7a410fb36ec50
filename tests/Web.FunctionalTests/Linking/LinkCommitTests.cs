using System.Net;
using System.Net.Http.Json;
using AlexaLinkHub.Application.Common.Tenancy;
using AlexaLinkHub.Domain.Webhooks;
using AlexaLinkHub.Domain.Emails;
using AlexaLinkHub.Infrastructure.OAuth;
using AlexaLinkHub.Infrastructure.Persistence;
using AlexaLinkHub.TestSupport;
using AlexaLinkHub.Web.FunctionalTests.Support;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using AlexaLinkHub.Web.FunctionalTests.Linking.Support;

namespace AlexaLinkHub.Web.FunctionalTests.Linking;

/// <summary>A link is one commit: the link, its grant, its token, the audit events, the webhook deliveries — and the end
/// of the oldest link beyond the cap — are stored together or not at all.</summary>
public sealed class LinkCommitTests(ApiFixture api) : IClassFixture<ApiFixture>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Allow_TokenStorageFails_LeavesNoLinkGrantTokenAuditEventOrOutboxRowAndTheOldLinkLive()
    {
        var setup = await api.Platform.ArrangeLinkAsync();
        var webhook = await api.Platform.PostAsJsonAsync($"/api/v1/tenants/{setup.Slug}/webhooks",
            new { url = "https://hooks.carfu.example/alexa", events = new[] { WebhookEvents.AccountLinked, WebhookEvents.TokenRevoked } }, Ct);
        await ApiAssert.AssertStatusAsync(webhook, HttpStatusCode.Created);
        using (var first = LinkFlowClient.Create(api.Factory))
            LinkAssert.FragmentRedirect(await first.LinkAsync(setup.AuthorizeUrl(), setup.User.Email, setup.User.Password), setup.Skill.RedirectUri);
        var before = await CountsAsync(setup.Slug);

        // The same app and database, but storing a token fails — and a cap of one, so the link would also end the first.
        await using var failing = api.Factory.WithWebHostBuilder(builder => builder
            .UseSetting("Linking:MaxLiveLinksPerUserAndSkill", "1")
            .ConfigureTestServices(services => services.ConfigureDbContext<SqliteAppDbContext>(options => options.AddInterceptors(new FailTokenStorage()))));
        using var browser = LinkFlowClient.Create(failing);
        var consent = await browser.OpenConsentAsync(setup.AuthorizeUrl(), setup.User.Email, setup.User.Password);
        var answer = await browser.DecideAsync(consent, "allow");

        Assert.True((int)answer.StatusCode >= 500, $"Expected a server error, got {(int)answer.StatusCode}.");
        Assert.Null(answer.Headers.Location);
        Assert.Equal(before, await CountsAsync(setup.Slug));
        var links = await ApiAssert.JsonAsync(await api.Platform.GetAsync($"/api/v1/tenants/{setup.Slug}/users/{setup.User.Id}/links", Ct), HttpStatusCode.OK);
        var link = Assert.Single(links.EnumerateArray());
        Assert.Equal(System.Text.Json.JsonValueKind.Null, link.GetProperty("revokedAt").ValueKind);
        Assert.Empty(await LinkAssert.AuditAsync(api.Platform, setup.Slug, "token.revoked"));
        Assert.Single(await LinkAssert.AuditAsync(api.Platform, setup.Slug, "account.linked"));
    }

    /// <summary>Links, grants, tokens, audit events, webhook deliveries and emails of the tenant.</summary>
    private async Task<int[]> CountsAsync(string slug)
    {
        await using var scope = api.Factory.Services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<TenantContext>().EnterPlatformScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var tenantId = await db.Tenants.Where(t => t.Slug == slug).Select(t => t.Id).SingleAsync(Ct);
        return
        [
            await db.AccountLinks.CountAsync(l => l.TenantId == tenantId, Ct),
            await db.Set<OAuthAuthorization>().CountAsync(a => a.TenantId == tenantId, Ct),
            await db.Set<OAuthToken>().CountAsync(t => t.TenantId == tenantId, Ct),
            await db.AuditEvents.CountAsync(e => e.TenantId == tenantId, Ct),
            await db.WebhookDeliveries.CountAsync(d => d.TenantId == tenantId, Ct),
            await db.Set<OutboundEmail>().CountAsync(e => e.TenantId == tenantId, Ct),
        ];
    }

    /// <summary>The database refuses every new token row, as an outage in the middle of the link would.</summary>
    private sealed class FailTokenStorage : SaveChangesInterceptor
    {
        public override ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default) =>
            eventData.Context!.ChangeTracker.Entries<OAuthToken>().Any(e => e.State == EntityState.Added)
                ? throw new DbUpdateException("Token storage is down (test).")
                : ValueTask.FromResult(result);
    }
}
