using System.Security.Cryptography.X509Certificates;
using AlexaLinkHub.Infrastructure.OAuth;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;

namespace AlexaLinkHub.Infrastructure.Persistence;

/// <summary>Configuration section <c>DataProtection</c>: how the data-protection key ring (in the database) is protected
/// at rest. Everything secret we store encrypted (the OAuth server keys, TOTP secrets, webhook secrets, token payloads
/// through the server keys) is only as safe as this ring, so outside Development it must be encrypted with a
/// certificate — or the operator says in so many words that the database itself is the boundary.</summary>
public sealed class KeyRingOptions
{
    public const string SectionName = "DataProtection";

    /// <summary>A PKCS#12 certificate (with its private key) that encrypts each key of the ring (XML encryption, RSA).</summary>
    public CertificateOptions Certificate { get; set; } = new();

    /// <summary>Certificates that protected the ring before a certificate rotation: keys they encrypted still decrypt.</summary>
    public List<CertificateOptions> PreviousCertificates { get; set; } = [];

    /// <summary>Start outside Development with the ring unencrypted (e.g. when disk and database encryption are the
    /// chosen boundary). Off by default: the host refuses to start.</summary>
    public bool AllowUnprotectedKeys { get; set; }

    public static void Apply(IDataProtectionBuilder dataProtection, IConfiguration configuration, IHostEnvironment environment)
    {
        var options = configuration.GetSection(SectionName).Get<KeyRingOptions>() ?? new KeyRingOptions();
        if (options.Certificate.Load() is { } certificate)
        {
            dataProtection.ProtectKeysWithCertificate(certificate);
            // Decryption resolves certificates from the OS store by default; name ours so no store is needed.
            X509Certificate2[] decryptors = [certificate, .. options.PreviousCertificates.Select(c => c.Load()).OfType<X509Certificate2>()];
            dataProtection.UnprotectKeysWithAnyCertificate(decryptors);
            return;
        }
        if (!environment.IsDevelopment() && !options.AllowUnprotectedKeys)
            throw new InvalidOperationException(
                "The data-protection key ring would be stored unencrypted. Configure DataProtection:Certificate:Path (and :Password) " +
                "with a PKCS#12 certificate, or set DataProtection:AllowUnprotectedKeys=true if the database is protected otherwise. See docs/SECURITY.md.");
    }
}
