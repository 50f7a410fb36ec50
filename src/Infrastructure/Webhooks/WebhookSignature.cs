using System.Security.Cryptography;
using System.Text;
using AlexaLinkHub.Application.Webhooks;

namespace AlexaLinkHub.Infrastructure.Webhooks;

/// <summary>Standard Webhooks signing (standardwebhooks.com): HMAC-SHA256 over <c>{webhook-id}.{webhook-timestamp}.{body}</c>
/// with the bytes after <c>whsec_</c> as the key, sent as <c>v1,{base64}</c>.</summary>
public static class WebhookSignature
{
    public static string Sign(string secret, string messageId, long timestamp, string body)
    {
        var signed = Encoding.UTF8.GetBytes($"{messageId}.{timestamp}.{body}");
        return "v1," + Convert.ToBase64String(HMACSHA256.HashData(WebhookSecret.Key(secret), signed));
    }
}
