using System.Net;
using AlexaLinkHub.Application.Webhooks;
using AlexaLinkHub.Infrastructure.Webhooks;
using Microsoft.Extensions.Options;

namespace AlexaLinkHub.Infrastructure.IntegrationTests.Webhooks;

/// <summary>The SSRF guard decides on the resolved addresses before any socket is opened (these tests send no traffic).</summary>
public sealed class WebhookAddressGuardTests
{
    private static WebhookAddressGuard Guard(bool allowLoopback) => new(Options.Create(new WebhookOptions { AllowLoopback = allowLoopback }));

    [Theory]
    [InlineData("10.0.0.1", "10.0.0.1")]
    [InlineData("169.254.169.254", "169.254.169.254")]
    [InlineData("192.168.0.10", "192.168.0.10")]
    [InlineData("127.0.0.1", "127.0.0.1")]
    [InlineData("[::1]", "::1")]
    [InlineData("::1", "::1")]
    [InlineData("[fe80::1]", "fe80::1")]
    public async Task Resolve_NonPublicAddress_IsRefusedNamingIt(string host, string address)
    {
        var error = await Assert.ThrowsAsync<WebhookAddressRefusedException>(() => Guard(allowLoopback: false).ResolveAsync(host, TestContext.Current.CancellationToken));

        Assert.Contains($"resolves to {address},", error.Message, StringComparison.Ordinal);
        Assert.Contains("public addresses only", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Resolve_LocalhostName_IsRefusedAfterResolving() =>
        await Assert.ThrowsAsync<WebhookAddressRefusedException>(() => Guard(allowLoopback: false).ResolveAsync("localhost", TestContext.Current.CancellationToken));

    [Theory]
    [InlineData("127.0.0.1")]
    [InlineData("[::1]")]
    [InlineData("localhost")]
    public async Task Resolve_LoopbackWithAllowLoopback_IsAllowed(string host)
    {
        var addresses = await Guard(allowLoopback: true).ResolveAsync(host, TestContext.Current.CancellationToken);

        Assert.NotEmpty(addresses);
        Assert.All(addresses, a => Assert.True(IPAddress.IsLoopback(a), $"{a} is not loopback"));
    }

    [Theory]
    [InlineData("10.0.0.1")]
    [InlineData("169.254.169.254")]
    public async Task Resolve_PrivateAddressWithAllowLoopback_IsStillRefused(string host) =>
        await Assert.ThrowsAsync<WebhookAddressRefusedException>(() => Guard(allowLoopback: true).ResolveAsync(host, TestContext.Current.CancellationToken));

    [Fact]
    public async Task Resolve_PublicLiteral_IsAllowedWithoutLookingAnythingUp()
    {
        var addresses = await Guard(allowLoopback: false).ResolveAsync("93.184.215.14", TestContext.Current.CancellationToken);

        Assert.Equal([IPAddress.Parse("93.184.215.14")], addresses);
    }
}
