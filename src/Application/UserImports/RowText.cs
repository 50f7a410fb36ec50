using System.Text;

namespace AlexaLinkHub.Application.UserImports;

internal static class RowText
{
    private static readonly UTF8Encoding s_strict = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    /// <summary>The record as text without its line ending, or null when it is not valid UTF-8.</summary>
    public static string? Decode(ReadOnlySpan<byte> record)
    {
        var end = record.Length;
        while (end > 0 && record[end - 1] is (byte)'\n' or (byte)'\r')
            end--;
        try
        {
            return s_strict.GetString(record[..end]);
        }
        catch (DecoderFallbackException)
        {
            return null;
        }
    }
}
