using System.Net;
using AlexaLinkHub.Domain.Webhooks;

namespace AlexaLinkHub.Domain.UnitTests.Webhooks;

public class NetworkAddressesTests
{
    [Theory]
    [InlineData("10.0.0.1")]
    [InlineData("10.255.255.255")]
    [InlineData("172.16.0.1")]
    [InlineData("172.31.255.254")]
    [InlineData("192.168.1.1")]
    [InlineData("169.254.169.254")]
    [InlineData("100.64.0.1")]
    [InlineData("0.0.0.0")]
    [InlineData("224.0.0.1")]
    [InlineData("255.255.255.255")]
    [InlineData("fc00::1")]
    [InlineData("fd12:3456::1")]
    [InlineData("fe80::1")]
    [InlineData("::")]
    [InlineData("::ffff:10.0.0.1")]
    [InlineData("::ffff:169.254.169.254")]
    [InlineData("64:ff9b::a00:1")]
    [InlineData("2002:a00:1::1")]
    public void Classify_PrivateLinkLocalOrReserved_IsNonPublic(string address)
    {
        var ip = IPAddress.Parse(address);

        Assert.Equal(AddressKind.NonPublic, NetworkAddresses.Classify(ip));
        Assert.False(NetworkAddresses.IsAllowed(ip, allowLoopback: true));
        Assert.False(NetworkAddresses.IsAllowed(ip, allowLoopback: false));
    }

    [Theory]
    [InlineData("127.0.0.1")]
    [InlineData("127.1.2.3")]
    [InlineData("::1")]
    [InlineData("::ffff:127.0.0.1")]
    public void Classify_Loopback_IsAllowedOnlyWithAllowLoopback(string address)
    {
        var ip = IPAddress.Parse(address);

        Assert.Equal(AddressKind.Loopback, NetworkAddresses.Classify(ip));
        Assert.False(NetworkAddresses.IsAllowed(ip, allowLoopback: false));
        Assert.True(NetworkAddresses.IsAllowed(ip, allowLoopback: true));
    }

    [Theory]
    [InlineData("8.8.8.8")]
    [InlineData("93.184.215.14")]
    [InlineData("172.32.0.1")]
    [InlineData("172.15.255.255")]
    [InlineData("2606:4700:4700::1111")]
    [InlineData("::ffff:8.8.8.8")]
    public void Classify_PublicAddress_IsAllowed(string address)
    {
        var ip = IPAddress.Parse(address);

        Assert.Equal(AddressKind.Public, NetworkAddresses.Classify(ip));
        Assert.True(NetworkAddresses.IsAllowed(ip, allowLoopback: false));
    }
}
