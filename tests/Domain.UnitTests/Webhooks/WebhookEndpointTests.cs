using AlexaLinkHub.Domain.Common;
using AlexaLinkHub.Domain.Webhooks;

namespace AlexaLinkHub.Domain.UnitTests.Webhooks;

public class WebhookEndpointTests
{
    private static readonly Guid s_tenant = Guid.NewGuid();
    private static readonly DateTimeOffset s_now = new(2026, 11, 25, 12, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Create_ValidInput_KeepsUrlEventsAndProtectedSecret()
    {
        var endpoint = WebhookEndpoint.Create(s_tenant, "https://hooks.carfu.example/a", ["account.linked", "token.revoked", "account.linked"], "protected", false, s_now);

        Assert.Equal(s_tenant, endpoint.TenantId);
        Assert.Equal("https://hooks.carfu.example/a", endpoint.Url);
        Assert.Equal(["account.linked", "token.revoked"], endpoint.Events);
        Assert.Equal("protected", endpoint.ProtectedSecret);
        Assert.Equal(s_now, endpoint.CreatedAt);
        Assert.True(endpoint.IsSubscribedTo(WebhookEvents.TokenRevoked));
        Assert.False(endpoint.IsSubscribedTo(WebhookEvents.AccountUnlinked));
        Assert.False(endpoint.IsSubscribedTo(WebhookEvents.Test));
    }

    [Fact]
    public void Create_NoEvents_IsRefusedListingTheKnownOnes()
    {
        var error = Assert.Throws<DomainException>(() => WebhookEndpoint.Create(s_tenant, "https://hooks.carfu.example/a", [], "protected", false, s_now));

        Assert.Equal("events", error.Field);
        Assert.Contains("account.linked, account.unlinked, token.revoked", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("account.created")]
    [InlineData("webhook.test")]
    [InlineData("Account.Linked")]
    public void Create_UnknownEvent_IsRefusedNamingItsPosition(string unknown)
    {
        var error = Assert.Throws<DomainException>(() =>
            WebhookEndpoint.Create(s_tenant, "https://hooks.carfu.example/a", ["account.linked", unknown], "protected", false, s_now));

        Assert.Equal("events[1]", error.Field);
        Assert.Contains($"'{unknown}'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Create_HttpUrl_IsRefused() =>
        Assert.Equal("url", Assert.Throws<DomainException>(() =>
            WebhookEndpoint.Create(s_tenant, "http://hooks.carfu.example/a", ["account.linked"], "protected", false, s_now)).Field);
}
