using AlexaLinkHub.Application.ExternalSignIn;
using Microsoft.AspNetCore.DataProtection;

namespace AlexaLinkHub.Infrastructure.ExternalSignIn;

/// <summary>Encrypts providers' client secrets with the data-protection key ring (kept in the database, shared by every
/// instance, protected at rest by the key ring's certificate).</summary>
internal sealed class ProviderSecretProtector(IDataProtectionProvider provider) : IProviderSecretProtector
{
    private readonly IDataProtector _protector = provider.CreateProtector("AlexaLinkHub.ExternalSignIn.ClientSecret.v1");

    public string Protect(string secret) => _protector.Protect(secret);

    public string Unprotect(string protectedSecret) => _protector.Unprotect(protectedSecret);
}
