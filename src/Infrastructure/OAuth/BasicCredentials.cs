using System.Buffers;
using System.Buffers.Text;
using System.Text;
using Microsoft.AspNetCore.Http;

namespace AlexaLinkHub.Infrastructure.OAuth;

/// <summary>The client credentials of an <c>Authorization: Basic</c> header (RFC 6749 §2.3.1: client id and secret each
/// form-urlencoded, then base64), decoded once per request and kept on it: the rate limiter counts the client id, the
/// token fast path checks the secret.</summary>
public sealed record BasicCredentials(string ClientId, string Secret, bool NeededDecoding)
{
    private const string Item = "alh:basic-credentials";
    private const int MaxHeaderLength = 4096;

    /// <summary>The request's Basic credentials, or null without a well-formed Basic header.</summary>
    public static BasicCredentials? Of(HttpContext context)
    {
        if (context.Items.TryGetValue(Item, out var known))
            return (BasicCredentials?)known;
        var parsed = Parse(context.Request.Headers.Authorization.ToString());
        context.Items[Item] = parsed;
        return parsed;
    }

    private static BasicCredentials? Parse(string header)
    {
        if (header.Length is < 7 or > MaxHeaderLength || !header.StartsWith("Basic ", StringComparison.OrdinalIgnoreCase))
            return null;
        var encoded = Encoding.ASCII.GetBytes(header, 6, header.Length - 6);
        var decoded = new byte[Base64.GetMaxDecodedFromUtf8Length(encoded.Length)];
        if (Base64.DecodeFromUtf8(encoded, decoded, out _, out var written) != OperationStatus.Done)
            return null;
        string text;
        try
        {
            text = new UTF8Encoding(false, true).GetString(decoded, 0, written);
        }
        catch (DecoderFallbackException)
        {
            return null;
        }
        var colon = text.IndexOf(':', StringComparison.Ordinal);
        if (colon < 0)
            return null;
        var encodedForm = text.AsSpan().IndexOfAny('%', '+') >= 0;
        return encodedForm
            ? new BasicCredentials(FormDecode(text[..colon]), FormDecode(text[(colon + 1)..]), true)
            : new BasicCredentials(text[..colon], text[(colon + 1)..], false);
    }

    private static string FormDecode(string value)
    {
        try
        {
            return Uri.UnescapeDataString(value.Replace('+', ' '));
        }
        catch (UriFormatException)
        {
            return value;
        }
    }
}
