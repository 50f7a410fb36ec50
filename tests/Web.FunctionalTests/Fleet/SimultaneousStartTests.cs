using System.Net;
using AlexaLinkHub.Infrastructure.OAuth;
using AlexaLinkHub.TestSupport;
using AlexaLinkHub.Web.FunctionalTests.Fleet.Support;
using AlexaLinkHub.Web.FunctionalTests.Linking.Support;
using Microsoft.EntityFrameworkCore;

namespace AlexaLinkHub.Web.FunctionalTests.Fleet;

/// <summary>Issue 15 (3): instances started at the same moment on an empty PostgreSQL database all come up — they take
/// turns at the migrations, the server keys and the bootstrap (StartupLock) — and leave one of each behind.</summary>
public sealed class SimultaneousStartTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task TwoInstancesStartedTogether_BothServe_AndThePlatformIsBootstrappedOnce(bool configuredCredentials)
    {
        var settings = configuredCredentials ? null : new Dictionary<string, string?>
        {
            ["Bootstrap:PlatformApiKey"] = "",
            ["Bootstrap:AdminEmail"] = "",
            ["Bootstrap:AdminPassword"] = "",
        };
        await using var fleet = await TwoInstances.StartAsync(settings, together: true);

        foreach (var instance in new[] { fleet.A, fleet.B })
        {
            using var http = instance.CreateClient();
            Assert.Equal(HttpStatusCode.OK, (await http.GetAsync("/health/ready", Ct)).StatusCode);
        }
        var (keys, admins, serverKeys) = await fleet.A.WithDbAsync(async db => (
            await db.ApiKeys.CountAsync(k => k.TenantId == null, Ct),
            await db.AdminUsers.CountAsync(a => a.IsPlatformAdmin, Ct),
            await db.Set<ServerKey>().CountAsync(Ct)));
        Assert.Equal(1, keys);
        Assert.Equal(1, admins);
        Assert.Equal(2, serverKeys);
        if (configuredCredentials)
        {
            // Both instances serve the configured key, and a token signed by one is good on the other.
            using var platform = fleet.B.CreateApiClient();
            var setup = await platform.ArrangeLinkAsync();
            var token = await fleet.A.LinkForTokenAsync(setup);
            Assert.True(await LinkAssert.IsActiveAsync(platform, setup.Skill, token));
        }
    }
}
