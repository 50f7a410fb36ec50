using System.Security.Cryptography;
using System.Text;

namespace AlexaLinkHub.Infrastructure.Security.ForeignHashes;

/// <summary>The string encodings foreign hashes use, and the one comparison they all end with.</summary>
internal static class HashEncoding
{
    public static readonly UTF8Encoding Utf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    /// <summary>Base64 with or without padding. <paramref name="adapted"/>: passlib's "ab64", which writes '.' for '+'.</summary>
    public static byte[]? Base64(string text, bool adapted = false)
    {
        if (text.Length == 0)
            return null;
        var standard = adapted ? text.Replace('.', '+') : text;
        if (standard.Length % 4 == 1)
            return null;
        standard = standard.PadRight(standard.Length + (4 - standard.Length % 4) % 4, '=');
        var buffer = new byte[standard.Length / 4 * 3];
        return Convert.TryFromBase64String(standard, buffer, out var written) ? buffer[..written] : null;
    }

    public static bool FixedTimeEquals(ReadOnlySpan<byte> computed, ReadOnlySpan<byte> expected) =>
        CryptographicOperations.FixedTimeEquals(computed, expected);

    /// <summary>A decimal parameter (an iteration count, a cost) within [min, max].</summary>
    public static bool TryNumber(string? text, long min, long max, out long value) =>
        long.TryParse(text, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out value)
        && value >= min && value <= max;

    /// <summary>"m=65536,t=3,p=4" → its names and values; null when malformed or a name repeats.</summary>
    public static Dictionary<string, string>? Parameters(string text)
    {
        var result = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var pair in text.Split(','))
        {
            var eq = pair.IndexOf('=', StringComparison.Ordinal);
            if (eq <= 0 || !result.TryAdd(pair[..eq], pair[(eq + 1)..]))
                return null;
        }
        return result;
    }
}
