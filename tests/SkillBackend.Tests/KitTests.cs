using AlexaLinkHub.SkillBackend.Tests.Support;
using AlexaLinkHub.TestSupport;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace AlexaLinkHub.SkillBackend.Tests;

/// <summary>AlexaLinkHubClient against the real AlexaLinkHub of the fixture, and against real outages.</summary>
public sealed class KitTests(LinkHubFixture hub) : IClassFixture<LinkHubFixture>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private ServiceProvider KitFor(string issuer, string? secret = null, TimeSpan? maxActiveTtl = null, TimeSpan? timeout = null) => Kit.Create(o =>
    {
        o.Issuer = issuer;
        o.ClientId = hub.Setup.Skill.ClientId;
        o.ClientSecret = secret ?? hub.Setup.Skill.ClientSecret;
        o.MaxActiveTtl = maxActiveTtl ?? o.MaxActiveTtl;
        o.Timeout = timeout ?? o.Timeout;
    });

    [Fact]
    public async Task Resolve_ALinkedToken_GivesTheUserOfTheIntrospectionAnswer()
    {
        var externalId = $"crm-{Guid.NewGuid():N}";
        var user = await hub.NewUserAsync(externalId);
        var token = await hub.LinkAsync(user);
        await using var kit = KitFor(hub.Issuer);

        var state = Assert.IsType<LinkState.Linked>(await kit.GetRequiredService<AlexaLinkHubClient>().ResolveAsync(token, Ct));

        Assert.Equal(user.Id.ToString(), state.User.Sub);
        Assert.Equal(user.Email, state.User.Email);
        Assert.Equal("Jo Doe", state.User.Name);
        Assert.Equal(externalId, state.User.ExternalId);
        Assert.Equal(["order_car", "basic_profile"], state.User.Scopes);
        Assert.Equal(hub.Setup.Skill.ClientId, state.User.ClientId);
        Assert.Equal(hub.Setup.Slug, state.User.Tenant);
        Assert.True(state.User.ExpiresAt > DateTimeOffset.UtcNow);
    }

    [Fact]
    public async Task Resolve_ConcurrentFirstRequests_ShareOneIntrospectionCall()
    {
        var token = await hub.LinkAsync(await hub.NewUserAsync());
        await using var kit = KitFor(hub.Issuer);
        var linkHub = kit.GetRequiredService<AlexaLinkHubClient>();
        var before = hub.Introspections.For(hub.Setup.Slug);

        var states = await Task.WhenAll(Enumerable.Range(0, 10).Select(_ => linkHub.ResolveAsync(token, Ct)));

        Assert.All(states, s => Assert.IsType<LinkState.Linked>(s));
        Assert.Equal(1, hub.Introspections.For(hub.Setup.Slug) - before);
        Assert.Equal(1, linkHub.Stats.Introspections);
        Assert.Equal(1, linkHub.Stats.Cached);
    }

    [Fact]
    public async Task Resolve_AfterTheCacheTimeOfAnAnswer_AsksAgain()
    {
        var token = await hub.LinkAsync(await hub.NewUserAsync());
        await using var kit = KitFor(hub.Issuer, maxActiveTtl: TimeSpan.FromMilliseconds(300));
        var linkHub = kit.GetRequiredService<AlexaLinkHubClient>();
        var before = hub.Introspections.For(hub.Setup.Slug);

        await linkHub.ResolveAsync(token, Ct);
        await linkHub.ResolveAsync(token, Ct);
        await Task.Delay(400, Ct);
        await linkHub.ResolveAsync(token, Ct);

        Assert.Equal(2, hub.Introspections.For(hub.Setup.Slug) - before);
    }

    [Fact]
    public async Task Resolve_AnUnknownToken_IsNotLinked_AndTheAnswerIsCachedBriefly()
    {
        await using var kit = KitFor(hub.Issuer);
        var linkHub = kit.GetRequiredService<AlexaLinkHubClient>();
        var before = hub.Introspections.For(hub.Setup.Slug);

        var first = await linkHub.ResolveAsync("Atza|not-a-token-of-ours", Ct);
        var second = await linkHub.ResolveAsync("Atza|not-a-token-of-ours", Ct);
        var none = await linkHub.ResolveAsync(null, Ct);

        Assert.Equal(new LinkState.NotLinked(NotLinkedReason.Inactive), first);
        Assert.Equal(first, second);
        Assert.Equal(new LinkState.NotLinked(NotLinkedReason.NoToken), none);
        Assert.Equal(1, hub.Introspections.For(hub.Setup.Slug) - before);
    }

    [Fact]
    public async Task Resolve_WithAWrongClientSecret_IsUnavailable_NotNotLinked()
    {
        var token = await hub.LinkAsync(await hub.NewUserAsync());
        await using var kit = KitFor(hub.Issuer, secret: hub.Setup.Skill.ClientSecret + "x");

        var state = Assert.IsType<LinkState.Unavailable>(await kit.GetRequiredService<AlexaLinkHubClient>().ResolveAsync(token, Ct));

        Assert.Equal(UnavailableReason.ClientAuthentication, state.Error.Reason);
        Assert.Equal(401, state.Error.Status);
    }

    [Fact]
    public async Task Resolve_When503IsAnswered_IsUnavailable_AndIsAskedAgainNextTime()
    {
        // A real HTTP server where AlexaLinkHub should be, answering 503 as a load balancer without a backend does.
        await using var front = await WebhookReceiver.StartAsync();
        front.Answer(503, 503);
        await using var kit = KitFor($"{front.BaseUrl}/t/{hub.Setup.Slug}");
        var linkHub = kit.GetRequiredService<AlexaLinkHubClient>();

        var first = Assert.IsType<LinkState.Unavailable>(await linkHub.ResolveAsync("a-token", Ct));
        Assert.IsType<LinkState.Unavailable>(await linkHub.ResolveAsync("a-token", Ct));

        Assert.Equal(UnavailableReason.ServerError, first.Error.Reason);
        Assert.Equal(503, first.Error.Status);
        Assert.Equal(2, front.Received.Count);
    }

    [Fact]
    public async Task Resolve_WhenNoAnswerComes_IsATimeout()
    {
        await using var front = await WebhookReceiver.StartAsync();
        front.AnswerNever();
        await using var kit = KitFor($"{front.BaseUrl}/t/{hub.Setup.Slug}", timeout: TimeSpan.FromMilliseconds(300));

        var state = Assert.IsType<LinkState.Unavailable>(await kit.GetRequiredService<AlexaLinkHubClient>().ResolveAsync("a-token", Ct));

        Assert.Equal(UnavailableReason.Timeout, state.Error.Reason);
    }

    [Fact]
    public async Task Resolve_WhenNothingListens_IsANetworkError()
    {
        await using var kit = KitFor($"http://127.0.0.1:{LiveApp.FreeLoopbackPort()}/t/{hub.Setup.Slug}");

        var state = Assert.IsType<LinkState.Unavailable>(await kit.GetRequiredService<AlexaLinkHubClient>().ResolveAsync("a-token", Ct));

        Assert.Equal(UnavailableReason.Network, state.Error.Reason);
    }

    [Theory]
    [InlineData("http://link.example.com/t/carfu")]
    [InlineData("http://10.0.0.5/t/carfu")]
    [InlineData("t/carfu")]
    [InlineData("https://link.example.com/t/carfu?x=1")]
    public void AddAlexaLinkHub_AnIssuerThatIsNotHttpsOrLoopback_FailsAtStart(string issuer)
    {
        using var kit = Kit.Create(o => { o.Issuer = issuer; o.ClientId = "c"; o.ClientSecret = "s"; });

        Assert.Throws<OptionsValidationException>(() => kit.GetRequiredService<IOptions<AlexaLinkHubOptions>>().Value);
    }

    [Theory]
    [InlineData("https://link.example.com/t/carfu/", "https://link.example.com/t/carfu/connect/introspect")]
    [InlineData("http://127.0.0.1:5080/t/carfu", "http://127.0.0.1:5080/t/carfu/connect/introspect")]
    [InlineData("http://localhost:5080/t/carfu", "http://localhost:5080/t/carfu/connect/introspect")]
    public void IntrospectionEndpoint_IsUnderTheIssuer(string issuer, string expected)
    {
        using var kit = Kit.Create(o => { o.Issuer = issuer; o.ClientId = "c"; o.ClientSecret = "s"; });

        Assert.Equal(expected, kit.GetRequiredService<AlexaLinkHubClient>().IntrospectionEndpoint.ToString());
    }
}
