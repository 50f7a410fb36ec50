using System.Security.Cryptography.X509Certificates;

namespace AlexaLinkHub.Infrastructure.OAuth;

/// <summary>Configuration section <c>OAuth</c>.</summary>
public sealed class OAuthOptions
{
    public const string SectionName = "OAuth";

    /// <summary>Optional PKCS#12 certificates that replace the keys generated into the database.</summary>
    public CertificateOptions SigningCertificate { get; set; } = new();
    public CertificateOptions EncryptionCertificate { get; set; } = new();

    public SigningKeyOptions SigningKeys { get; set; } = new();

    /// <summary>How long a refresh token may be presented again after it was rotated (a retry after a lost response).</summary>
    public TimeSpan RefreshTokenReuseLeeway { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Most answers about active access tokens the fast path keeps per endpoint (~0.5 KiB each; docs/decisions/014).
    /// 0 keeps none: every check is a first one (one indexed query) — how <c>build/bench/scale.sh</c> measures the cold path.</summary>
    public int TokenAnswerCapacity { get; set; } = TokenAnswers.DefaultCapacity;
}

public sealed class CertificateOptions
{
    public string? Path { get; set; }
    public string? Password { get; set; }

    public X509Certificate2? Load() =>
        string.IsNullOrWhiteSpace(Path) ? null : X509CertificateLoader.LoadPkcs12FromFile(Path, Password);
}

/// <summary><c>OAuth:SigningKeys</c>: rotation of the generated signing keys (not of a configured certificate).</summary>
public sealed class SigningKeyOptions
{
    /// <summary>A new key is published (JWKS) this long before it signs, so every instance knows it first. Keep it above
    /// <see cref="RefreshInterval"/>.</summary>
    public TimeSpan ActivationDelay { get; set; } = TimeSpan.FromMinutes(10);

    /// <summary>A key that has signed this long is replaced by a new one (scheduled rotation).</summary>
    public TimeSpan RotateEvery { get; set; } = TimeSpan.FromDays(90);

    /// <summary>How often an instance re-reads the keys (to learn of a rotation elsewhere).</summary>
    public TimeSpan RefreshInterval { get; set; } = TimeSpan.FromMinutes(5);
}
