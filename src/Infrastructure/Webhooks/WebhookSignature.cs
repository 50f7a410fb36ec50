using System.Globalization;
using System.Net.Http.Headers;
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

    /// <summary>A JSON POST carrying the three Standard Webhooks headers — how every call we sign to a vendor is made
    /// (webhooks, the legacy sign-in endpoint).</summary>
    public static HttpRequestMessage SignedPost(string url, string messageId, DateTimeOffset timestamp, string body, string secret, string userAgent)
    {
        var seconds = timestamp.ToUnixTimeSeconds();
        var message = new HttpRequestMessage(HttpMethod.Post, url) { Content = new StringContent(body, Encoding.UTF8, "application/json") };
        message.Headers.Add("webhook-id", messageId);
        message.Headers.Add("webhook-timestamp", seconds.ToString(CultureInfo.InvariantCulture));
        message.Headers.Add("webhook-signature", Sign(secret, messageId, seconds, body));
        message.Headers.UserAgent.Add(new ProductInfoHeaderValue(userAgent, "1.0"));
        return message;
    }
}
