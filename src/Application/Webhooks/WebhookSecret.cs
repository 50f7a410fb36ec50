using System.Security.Cryptography;

namespace AlexaLinkHub.Application.Webhooks;

/// <summary>Standard Webhooks secrets: <c>whsec_</c> and the base64 of 32 random bytes (the HMAC key is those bytes).</summary>
public static class WebhookSecret
{
    public const string Prefix = "whsec_";

    public static string New() => Prefix + Convert.ToBase64String(RandomNumberGenerator.GetBytes(32));

    public static byte[] Key(string secret) =>
        Convert.FromBase64String(secret.StartsWith(Prefix, StringComparison.Ordinal) ? secret[Prefix.Length..] : secret);
}
