using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using AlexaLinkHub.TestSupport;
using AlexaLinkHub.Web.FunctionalTests.Fleet.Support;
using AlexaLinkHub.Web.FunctionalTests.Linking.Support;
using AlexaLinkHub.Web.FunctionalTests.Support;
using Npgsql;

namespace AlexaLinkHub.Web.FunctionalTests.Fleet;

/// <summary>Issue 15 (2): with the database unreachable every answer is a 503 with <c>Retry-After</c> in the shape its
/// client reads (RFC 6749 JSON, problem+json, a branded localised page), never a 500; readiness goes down at once; when
/// the database is back everything works again without a restart. The outage is a cut TCP relay in front of the shared
/// PostgreSQL, on two instances.</summary>
public sealed class OutageTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task DatabaseUnreachable_Answers503InEveryShape_AndRecoversByItself()
    {
        await using var relay = new TcpPassthrough("127.0.0.1", new NpgsqlConnectionStringBuilder(await PostgresServer.GetServerConnectionStringAsync()).Port);
        // No job server: after an outage Hangfire's dispatchers back off and would hold each shutdown for its full timeout.
        await using var fleet = await TwoInstances.StartAsync(new Dictionary<string, string?> { ["Jobs:RunServer"] = "false" }, connectTo: cs => new NpgsqlConnectionStringBuilder(cs) { Port = relay.Port }.ConnectionString);
        using var platform = fleet.A.CreateApiClient();
        var setup = await platform.ArrangeLinkAsync();
        var token = await fleet.B.LinkForTokenAsync(setup);
        // An instance brands its outage page from the tenants it served lately: A has served only the API so far.
        using (var a = fleet.A.CreateClient())
            Assert.Equal(HttpStatusCode.OK, (await a.GetAsync($"/t/{setup.Slug}/.well-known/openid-configuration", Ct)).StatusCode);

        relay.Cut();
        foreach (var instance in new[] { fleet.A, fleet.B })
        {
            using var http = instance.CreateApiClient();
            var clock = Stopwatch.StartNew();
            Assert.Equal(HttpStatusCode.ServiceUnavailable, (await http.GetAsync("/health/ready", Ct)).StatusCode);
            Assert.InRange(clock.Elapsed, TimeSpan.Zero, TimeSpan.FromSeconds(3));

            var introspection = await LinkAssert.PostAsClientAsync(http, $"/t/{setup.Slug}/connect/introspect", setup.Skill.ClientId, setup.Skill.ClientSecret, true, new() { ["token"] = token });
            AssertOAuthUnavailable(await Unavailable(introspection, "application/json"));
            using var userInfo = new HttpRequestMessage(HttpMethod.Get, $"/t/{setup.Slug}/connect/userinfo");
            userInfo.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
            AssertOAuthUnavailable(await Unavailable(await http.SendAsync(userInfo, Ct), "application/json"));

            var api = JsonDocument.Parse(await Unavailable(await http.GetAsync("/api/v1/tenants", Ct), "application/problem+json")).RootElement;
            Assert.Equal(503, api.GetProperty("status").GetInt32());

            using var login = new HttpRequestMessage(HttpMethod.Get, setup.AuthorizeUrl());
            login.Headers.AcceptLanguage.ParseAdd("de-DE,de;q=0.9");
            var page = await Unavailable(await http.SendAsync(login, Ct), "text/html");
            Assert.Contains("Vorübergehend nicht verfügbar", page, StringComparison.Ordinal);
            Assert.Contains("Car Fu Rides", page, StringComparison.Ordinal);
            Assert.Contains("lang=\"de", page, StringComparison.Ordinal);
        }

        relay.Restore();
        foreach (var instance in new[] { fleet.A, fleet.B })
        {
            using var http = instance.CreateApiClient();
            await WaitUntilAsync(async () => (await http.GetAsync("/health/ready", Ct)).StatusCode == HttpStatusCode.OK, TimeSpan.FromSeconds(10));
            Assert.True(await LinkAssert.IsActiveAsync(http, setup.Skill, token));
        }
        Assert.True(await LinkAssert.IsActiveAsync(platform, setup.Skill, await fleet.A.LinkForTokenAsync(setup, "after-the-outage")));
    }

    private static async Task<string> Unavailable(HttpResponseMessage response, string mediaType)
    {
        var body = await response.Content.ReadAsStringAsync(Ct);
        Assert.True(response.StatusCode == HttpStatusCode.ServiceUnavailable, $"{(int)response.StatusCode} from {response.RequestMessage!.RequestUri}: {body}");
        Assert.Equal(mediaType, response.Content.Headers.ContentType?.MediaType);
        Assert.Equal(TimeSpan.FromSeconds(5), response.Headers.RetryAfter?.Delta);
        return body;
    }

    private static void AssertOAuthUnavailable(string body)
    {
        var error = JsonDocument.Parse(body).RootElement;
        Assert.Equal("temporarily_unavailable", error.Str("error"));
        Assert.False(error.TryGetProperty("error_uri", out _));
    }

    private static async Task WaitUntilAsync(Func<Task<bool>> condition, TimeSpan limit)
    {
        var clock = Stopwatch.StartNew();
        while (!await condition())
        {
            Assert.True(clock.Elapsed < limit, $"Not recovered within {limit.TotalSeconds} s.");
            await Task.Delay(200, Ct);
        }
    }
}
