using System.Net;
using System.Net.Sockets;

namespace AlexaLinkHub.Domain.Webhooks;

/// <summary>What kind of network an address belongs to. Webhooks go to public addresses only: a vendor must not be able
/// to make us call into our own network (SSRF: cloud metadata at 169.254.169.254, databases on 10.x, admin ports on
/// loopback).</summary>
public enum AddressKind
{
    Public,
    Loopback,
    NonPublic,
}

public static class NetworkAddresses
{
    // IANA special-purpose registries (RFC 6890 and successors): none of these is a place a vendor's receiver lives.
    private static readonly (byte[] Prefix, int Bits)[] s_nonPublicV4 =
    [
        ([0, 0, 0, 0], 8),          // "this network"
        ([10, 0, 0, 0], 8),         // private (RFC 1918)
        ([100, 64, 0, 0], 10),      // carrier-grade NAT (RFC 6598)
        ([169, 254, 0, 0], 16),     // link-local, cloud metadata
        ([172, 16, 0, 0], 12),      // private
        ([192, 0, 0, 0], 24),       // IETF protocol assignments
        ([192, 0, 2, 0], 24),       // documentation
        ([192, 88, 99, 0], 24),     // 6to4 relay anycast
        ([192, 168, 0, 0], 16),     // private
        ([198, 18, 0, 0], 15),      // benchmarking
        ([198, 51, 100, 0], 24),    // documentation
        ([203, 0, 113, 0], 24),     // documentation
        ([224, 0, 0, 0], 4),        // multicast
        ([240, 0, 0, 0], 4),        // reserved, broadcast
    ];

    private static readonly (byte[] Prefix, int Bits)[] s_nonPublicV6 =
    [
        (IPAddress.Parse("fc00::").GetAddressBytes(), 7),      // unique local
        (IPAddress.Parse("fe80::").GetAddressBytes(), 10),     // link-local
        (IPAddress.Parse("fec0::").GetAddressBytes(), 10),     // site-local (deprecated)
        (IPAddress.Parse("ff00::").GetAddressBytes(), 8),      // multicast
        (IPAddress.Parse("2001:db8::").GetAddressBytes(), 32), // documentation
        (IPAddress.Parse("100::").GetAddressBytes(), 64),      // discard
    ];

    public static AddressKind Classify(IPAddress address)
    {
        if (address.IsIPv4MappedToIPv6)
            address = address.MapToIPv4();

        if (address.AddressFamily == AddressFamily.InterNetwork)
        {
            var bytes = address.GetAddressBytes();
            if (bytes[0] == 127)
                return AddressKind.Loopback;
            return s_nonPublicV4.Any(r => InPrefix(bytes, r.Prefix, r.Bits)) ? AddressKind.NonPublic : AddressKind.Public;
        }

        if (address.AddressFamily != AddressFamily.InterNetworkV6)
            return AddressKind.NonPublic;
        if (IPAddress.IPv6Loopback.Equals(address))
            return AddressKind.Loopback;
        if (IPAddress.IPv6Any.Equals(address))
            return AddressKind.NonPublic;

        var v6 = address.GetAddressBytes();
        if (s_nonPublicV6.Any(r => InPrefix(v6, r.Prefix, r.Bits)))
            return AddressKind.NonPublic;
        // Addresses that carry an IPv4 address inside (NAT64 64:ff9b::/96, 6to4 2002::/16, IPv4-compatible ::/96) are
        // judged by that IPv4 address.
        if (InPrefix(v6, IPAddress.Parse("64:ff9b::").GetAddressBytes(), 96) || InPrefix(v6, new byte[16], 96))
            return Classify(new IPAddress(v6[12..16]));
        if (v6[0] == 0x20 && v6[1] == 0x02)
            return Classify(new IPAddress(v6[2..6]));
        return AddressKind.Public;
    }

    /// <summary>Public addresses always; loopback only when the host allows it (local development and tests).</summary>
    public static bool IsAllowed(IPAddress address, bool allowLoopback) => Classify(address) switch
    {
        AddressKind.Public => true,
        AddressKind.Loopback => allowLoopback,
        _ => false,
    };

    private static bool InPrefix(byte[] address, byte[] prefix, int bits)
    {
        if (address.Length != prefix.Length)
            return false;
        var whole = bits / 8;
        for (var i = 0; i < whole; i++)
        {
            if (address[i] != prefix[i])
                return false;
        }
        var rest = bits % 8;
        if (rest == 0)
            return true;
        var mask = (byte)(0xFF << (8 - rest));
        return (address[whole] & mask) == (prefix[whole] & mask);
    }
}
