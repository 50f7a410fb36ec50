using System.Security.Cryptography;
using System.Text;

namespace AlexaLinkHub.TestSupport;

/// <summary>A receiver's check of a Standard Webhooks signature, written from the specification (standardwebhooks.com),
/// independently of the app's signing code — the snippet in docs/webhooks.md does the same.</summary>
public static class StandardWebhooks
{
    public static bool Verify(string secret, string webhookId, string webhookTimestamp, string body, string webhookSignature)
    {
        var key = Convert.FromBase64String(secret.StartsWith("whsec_", StringComparison.Ordinal) ? secret["whsec_".Length..] : secret);
        var expected = Encoding.ASCII.GetBytes("v1," + Convert.ToBase64String(
            HMACSHA256.HashData(key, Encoding.UTF8.GetBytes($"{webhookId}.{webhookTimestamp}.{body}"))));
        // The header may list several space-separated signatures (during secret rotation); one match is enough.
        return webhookSignature.Split(' ', StringSplitOptions.RemoveEmptyEntries)
            .Any(candidate => CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(candidate), expected));
    }

    public static bool Verify(string secret, ReceivedWebhook webhook) =>
        Verify(secret, webhook.Header("webhook-id"), webhook.Header("webhook-timestamp"), webhook.Body, webhook.Header("webhook-signature"));
}
