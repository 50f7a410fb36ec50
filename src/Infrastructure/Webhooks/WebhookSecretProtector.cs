using AlexaLinkHub.Application.Webhooks;
using Microsoft.AspNetCore.DataProtection;

namespace AlexaLinkHub.Infrastructure.Webhooks;

/// <summary>Encrypts signing secrets with the data-protection key ring (kept in the database, shared by every instance).</summary>
internal sealed class WebhookSecretProtector(IDataProtectionProvider provider) : IWebhookSecretProtector
{
    private readonly IDataProtector _protector = provider.CreateProtector("AlexaLinkHub.Webhooks.SigningSecret.v1");

    public string Protect(string secret) => _protector.Protect(secret);

    public string Unprotect(string protectedSecret) => _protector.Unprotect(protectedSecret);
}
