using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using AlexaLinkHub.SkillBackend.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace AlexaLinkHub.SkillBackend.Tests;

/// <summary>samples/CarFuSkill end to end: a real AlexaLinkHub, a link made through its real pages, Alexa envelopes
/// posted to the sample's POST /alexa, real webhooks to its POST /webhooks/alexalinkhub.</summary>
public sealed class CarFuSampleTests(LinkHubFixture hub) : IClassFixture<LinkHubFixture>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory]
    [InlineData("en-US", "Hello Jo Doe, where to?")]
    [InlineData("en-GB", "Hello Jo Doe, where to?")]
    [InlineData("de-DE", "Hallo Jo Doe, wohin soll es gehen?")]
    public async Task LaunchRequest_LinkedUser_GreetsByName(string locale, string expected)
    {
        var token = await hub.LinkAsync(await hub.NewUserAsync());

        var said = await hub.Skill.AskAsync("LaunchRequest", token, locale);

        Assert.Equal("1.0", said.Version);
        Assert.Equal(expected, said.Speech);
        Assert.False(said.LinkAccountCard);
        Assert.False(said.EndsSession);
    }

    [Fact]
    public async Task OrderCarIntent_WithTheScope_OrdersInEachLocale_WithOneIntrospectionForTheWholeSession()
    {
        var token = await hub.LinkAsync(await hub.NewUserAsync());
        var before = hub.Introspections.For(hub.Setup.Slug);

        var english = await hub.Skill.AskAsync("OrderCarIntent", token, "en-US");
        var british = await hub.Skill.AskAsync("OrderCarIntent", token, "en-GB");
        var german = await hub.Skill.AskAsync("OrderCarIntent", token, "de-DE");
        var launch = await hub.Skill.AskAsync("LaunchRequest", token);
        var ended = await hub.Skill.AskAsync("SessionEndedRequest", token);

        Assert.Equal("Okay Jo Doe, a car to the airport is on its way.", english.Speech);
        Assert.Equal("Right then Jo Doe, a taxi to the airport is on its way.", british.Speech);
        Assert.Equal("Alles klar Jo Doe, ein Wagen nach the airport ist unterwegs.", german.Speech);
        Assert.True(english.EndsSession);
        Assert.Equal("Hello Jo Doe, where to?", launch.Speech);
        Assert.Equal(string.Empty, ended.Speech);
        Assert.Equal(1, hub.Introspections.For(hub.Setup.Slug) - before);
    }

    [Fact]
    public async Task OrderCarIntent_WithoutTheScope_AsksToLinkAgain()
    {
        var token = await hub.LinkAsync(await hub.NewUserAsync(), scope: "basic_profile");

        var launch = await hub.Skill.AskAsync("LaunchRequest", token);
        var order = await hub.Skill.AskAsync("OrderCarIntent", token, "de-DE");

        Assert.Equal("Hello Jo Doe, where to?", launch.Speech);
        Assert.True(order.LinkAccountCard);
        Assert.Equal(AlexaLinkHubMessages.Get("de-DE", AlexaLinkHubMessages.MissingScope), order.Speech);
    }

    [Theory]
    [InlineData("en-US", "link your account in the Alexa app")]
    [InlineData("en-GB", "link your account in the Alexa app")]
    [InlineData("de-DE", "Konto in der Alexa-App")]
    public async Task NoToken_GetsTheLinkAccountCard_WithoutAskingAlexaLinkHub(string locale, string expected)
    {
        var before = hub.Introspections.For(hub.Setup.Slug);

        var launch = await hub.Skill.AskAsync("LaunchRequest", null, locale);
        var order = await hub.Skill.AskAsync("OrderCarIntent", null, locale);
        var ended = await hub.Skill.AskAsync("SessionEndedRequest", null, locale);

        foreach (var said in new[] { launch, order })
        {
            Assert.True(said.LinkAccountCard);
            Assert.True(said.EndsSession);
            Assert.Contains(expected, said.Speech, StringComparison.Ordinal);
        }
        Assert.False(ended.LinkAccountCard);
        Assert.Equal(0, hub.Introspections.For(hub.Setup.Slug) - before);
    }

    [Fact]
    public async Task RevokedInTheAdminApi_TheNextRequestGetsTheLinkAccountCard_ByWebhook()
    {
        var delays = new List<long>();
        for (var round = 0; round < 3; round++)
        {
            var user = await hub.NewUserAsync();
            var token = await hub.LinkAsync(user);
            Assert.False((await hub.Skill.AskAsync("LaunchRequest", token)).LinkAccountCard);
            var evictionsBefore = hub.Sample.LinkHub.Stats.Evictions;

            var watch = Stopwatch.StartNew();
            var revoked = await hub.Platform.PostAsync($"/api/v1/tenants/{hub.Setup.Slug}/users/{user.Id}/revoke?clientId={hub.Setup.Skill.ClientId}", null, Ct);
            Assert.Equal(HttpStatusCode.OK, revoked.StatusCode);
            Said said;
            do
                said = await hub.Skill.AskAsync("LaunchRequest", token);
            while (!said.LinkAccountCard && watch.Elapsed < TimeSpan.FromSeconds(20));
            delays.Add(watch.ElapsedMilliseconds);

            Assert.True(said.LinkAccountCard);
            Assert.True(hub.Sample.LinkHub.Stats.Evictions > evictionsBefore, "evicted by the webhook, not by the 60 s cache lifetime");
        }
        TestContext.Current.TestOutputHelper?.WriteLine($"revoke → LinkAccount card at the .NET sample: {string.Join(" ms, ", delays)} ms");
        Assert.All(delays, d => Assert.True(d < 20_000));
    }

    [Fact]
    public async Task UserDisabledInTheAdminApi_TheNextRequestGetsTheLinkAccountCard_ByWebhook()
    {
        var user = await hub.NewUserAsync();
        var token = await hub.LinkAsync(user);
        Assert.False((await hub.Skill.AskAsync("LaunchRequest", token)).LinkAccountCard);
        var evictionsBefore = hub.Sample.LinkHub.Stats.Evictions;

        var disabled = await hub.Platform.PostAsync($"/api/v1/tenants/{hub.Setup.Slug}/users/{user.Id}/disable", null, Ct);
        Assert.Equal(HttpStatusCode.NoContent, disabled.StatusCode);
        var watch = Stopwatch.StartNew();
        Said said;
        do
            said = await hub.Skill.AskAsync("LaunchRequest", token);
        while (!said.LinkAccountCard && watch.Elapsed < TimeSpan.FromSeconds(20));

        Assert.True(said.LinkAccountCard);
        Assert.True(hub.Sample.LinkHub.Stats.Evictions > evictionsBefore, "evicted by the user.disabled webhook (it names no skill), not by the 60 s cache lifetime");
    }

    [Fact]
    public void TheServer_DeliversJobsAtItsProductionPollInterval_SoTheRevocationDelayIsAVendors()
    {
        var jobs = hub.Server.Factory.Services.GetRequiredService<Microsoft.Extensions.Options.IOptions<Infrastructure.Jobs.JobsOptions>>().Value;

        Assert.Equal(new Infrastructure.Jobs.JobsOptions().QueuePollInterval, jobs.QueuePollInterval);
    }

    [Fact]
    public async Task Webhook_WithABadSignature_IsRefusedAndEvictsNothing()
    {
        var user = await hub.NewUserAsync();
        var token = await hub.LinkAsync(user);
        Assert.False((await hub.Skill.AskAsync("LaunchRequest", token)).LinkAccountCard);
        var body = System.Text.Json.JsonSerializer.Serialize(new
        {
            type = "token.revoked",
            timestamp = DateTimeOffset.UtcNow,
            data = new { clientId = hub.Setup.Skill.ClientId, userId = user.Id, scopes = new[] { "order_car" }, reason = "admin" },
        });
        var before = hub.Introspections.For(hub.Setup.Slug);

        foreach (var (secret, at) in new[]
                 {
                     ("whsec_" + Convert.ToBase64String("not the secret of this webhook"u8.ToArray()), DateTimeOffset.UtcNow),
                     (hub.WebhookSecret, DateTimeOffset.UtcNow.AddMinutes(-10)),
                 })
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, "/webhooks/alexalinkhub") { Content = new StringContent(body, System.Text.Encoding.UTF8, "application/json") };
            request.Headers.Add("webhook-id", "msg_forged");
            request.Headers.Add("webhook-timestamp", at.ToUnixTimeSeconds().ToString(System.Globalization.CultureInfo.InvariantCulture));
            request.Headers.Add("webhook-signature", new StandardWebhooks.StandardWebhook(secret).Sign("msg_forged", at, body));
            Assert.Equal(HttpStatusCode.Unauthorized, (await hub.Skill.SendAsync(request, Ct)).StatusCode);
        }
        var unsigned = await hub.Skill.PostAsync("/webhooks/alexalinkhub", new StringContent(body), Ct);
        Assert.Equal(HttpStatusCode.Unauthorized, unsigned.StatusCode);
        var huge = await hub.Skill.PostAsync("/webhooks/alexalinkhub", new StringContent(new string('x', 100_000)), Ct);
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, huge.StatusCode);

        Assert.False((await hub.Skill.AskAsync("LaunchRequest", token)).LinkAccountCard);
        Assert.Equal(0, hub.Introspections.For(hub.Setup.Slug) - before);
    }

    [Fact]
    public async Task AlexaLinkHubUnreachable_SaysItCannotReachTheService_NotTheLinkAccountCard()
    {
        var closed = TestSupport.LiveApp.FreeLoopbackPort();
        await using var cut = CarFuHost.Start(hub.SampleSettings($"http://127.0.0.1:{closed}/t/{hub.Setup.Slug}"));
        using var skill = cut.CreateClient();

        var english = await skill.AskAsync("LaunchRequest", "a-token-Alexa-sent", "en-US");
        var german = await skill.AskAsync("OrderCarIntent", "a-token-Alexa-sent", "de-DE");

        Assert.False(english.LinkAccountCard);
        Assert.Contains("can't reach the service right now", english.Speech, StringComparison.Ordinal);
        Assert.False(german.LinkAccountCard);
        Assert.Equal(AlexaLinkHubMessages.Get("de-DE", AlexaLinkHubMessages.Unavailable), german.Speech);
    }

    [Fact]
    public async Task SignatureVerification_IsOnUnlessSwitchedOff_AndRefusesAnUnsignedRequest()
    {
        var settings = hub.SampleSettings();
        settings.Remove("ALEXA_VERIFY_SIGNATURE");
        await using var strict = CarFuHost.Start(settings);
        using var skill = strict.CreateClient();

        var response = await skill.PostAsJsonAsync("/alexa", Envelopes.Create("LaunchRequest", "a-token"), Ct);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public async Task NotAnAlexaEnvelope_Is400()
    {
        var response = await hub.Skill.PostAsync("/alexa", new StringContent("{\"hello\":1}", System.Text.Encoding.UTF8, "application/json"), Ct);
        var notJson = await hub.Skill.PostAsync("/alexa", new StringContent("hello", System.Text.Encoding.UTF8, "application/json"), Ct);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, notJson.StatusCode);
    }
}
