using AlexaLinkHub.Domain.Common;
using AlexaLinkHub.Domain.Webhooks;

namespace AlexaLinkHub.Domain.Users;

/// <summary>A tenant's "legacy sign-in" endpoint: the vendor's own login, asked once for a customer we do not know yet
/// (or who was imported without a password). Its URL follows the rules of a webhook URL (https, public address), and
/// the requests are signed like our webhooks with <see cref="ProtectedSecret"/>, kept encrypted because we sign with it.</summary>
public sealed class LegacySignIn : ITenantOwned
{
    private LegacySignIn()
    {
        Url = null!;
        ProtectedSecret = null!;
    }

    public Guid Id { get; private set; }
    public Guid TenantId { get; private set; }
    public string Url { get; private set; }
    public bool Enabled { get; private set; }
    public string ProtectedSecret { get; private set; }
    public DateTimeOffset CreatedAt { get; private set; }
    public DateTimeOffset SecretCreatedAt { get; private set; }

    public static LegacySignIn Create(Guid tenantId, string? url, bool enabled, string protectedSecret, bool allowLoopback, DateTimeOffset now)
    {
        if (tenantId == Guid.Empty)
            throw new DomainException("A legacy sign-in endpoint belongs to a tenant.");
        var endpoint = new LegacySignIn { Id = Guid.CreateVersion7(now), TenantId = tenantId, CreatedAt = now };
        endpoint.Configure(url, enabled, allowLoopback);
        endpoint.RotateSecret(protectedSecret, now);
        return endpoint;
    }

    public void Configure(string? url, bool enabled, bool allowLoopback)
    {
        Url = WebhookUrl.Validate(url, allowLoopback);
        Enabled = enabled;
    }

    public void RotateSecret(string protectedSecret, DateTimeOffset now)
    {
        if (string.IsNullOrWhiteSpace(protectedSecret))
            throw new DomainException("A legacy sign-in endpoint needs its signing secret.");
        ProtectedSecret = protectedSecret;
        SecretCreatedAt = now;
    }
}
