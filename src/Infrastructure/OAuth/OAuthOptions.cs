using System.Security.Cryptography.X509Certificates;

namespace AlexaLinkHub.Infrastructure.OAuth;

/// <summary>Configuration section <c>OAuth</c>.</summary>
public sealed class OAuthOptions
{
    public const string SectionName = "OAuth";

    /// <summary>Optional PKCS#12 certificates that replace the keys generated into the database.</summary>
    public CertificateOptions SigningCertificate { get; set; } = new();
    public CertificateOptions EncryptionCertificate { get; set; } = new();

    /// <summary>How long a refresh token may be presented again after it was rotated (a retry after a lost response).</summary>
    public TimeSpan RefreshTokenReuseLeeway { get; set; } = TimeSpan.FromSeconds(30);
}

public sealed class CertificateOptions
{
    public string? Path { get; set; }
    public string? Password { get; set; }

    public X509Certificate2? Load() =>
        string.IsNullOrWhiteSpace(Path) ? null : X509CertificateLoader.LoadPkcs12FromFile(Path, Password);
}
