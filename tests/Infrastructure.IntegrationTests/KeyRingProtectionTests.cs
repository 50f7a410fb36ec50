using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using AlexaLinkHub.Infrastructure.IntegrationTests.Support;
using AlexaLinkHub.Infrastructure.Persistence;
using AlexaLinkHub.TestSupport;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace AlexaLinkHub.Infrastructure.IntegrationTests;

/// <summary>The data-protection key ring is encrypted at rest with the configured certificate, a second instance with
/// the certificate reads it, and outside Development the host refuses to start with an unprotected ring unless told
/// in so many words.</summary>
public sealed class KeyRingProtectionTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("alh-keyring-").FullName;

    [Fact]
    public async Task Production_WithoutACertificate_RefusesToStart()
    {
        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => AppServices.CreateAsync(environment: "Production"));

        Assert.Contains("DataProtection:Certificate:Path", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Production_ExplicitlyAllowedUnprotected_Starts()
    {
        await using var app = await AppServices.CreateAsync(settings: [new("DataProtection:AllowUnprotectedKeys", "true")], environment: "Production");

        Assert.Equal("x", Protector(app).Unprotect(Protector(app).Protect("x")));
    }

    [Fact]
    public async Task WithACertificate_StoresEveryKeyEncrypted_AndASecondInstanceWithItReadsThem()
    {
        var settings = CertificateSettings("ring.pfx", "pfx-password");
        await using var first = await AppServices.CreateAsync(settings: settings, environment: "Production");
        var payload = Protector(first).Protect("reset-token-payload");
        var stored = await first.QueryAsync(TestScope.None, db => db.DataProtectionKeys.Select(k => k.Xml).ToListAsync(TestContext.Current.CancellationToken));

        await using var second = await AppServices.CreateOnAsync(first.Database, settings);

        Assert.NotEmpty(stored);
        Assert.All(stored, xml =>
        {
            // Protected: the key's secret is an XML-encrypted blob; unprotected it would be a readable <masterKey>.
            Assert.Contains("<encryptedSecret", xml, StringComparison.Ordinal);
            Assert.Contains("<EncryptedData", xml, StringComparison.Ordinal);
            Assert.DoesNotContain("<masterKey", xml, StringComparison.Ordinal);
        });
        Assert.Equal("reset-token-payload", Protector(second).Unprotect(payload));
    }

    private KeyValuePair<string, string?>[] CertificateSettings(string file, string password)
    {
        using var rsa = RSA.Create(2048);
        var request = new CertificateRequest("CN=AlexaLinkHub key ring (test)", rsa, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        using var certificate = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddYears(1));
        var path = Path.Combine(_folder, file);
        File.WriteAllBytes(path, certificate.Export(X509ContentType.Pkcs12, password));
        return [new("DataProtection:Certificate:Path", path), new("DataProtection:Certificate:Password", password)];
    }

    private static IDataProtector Protector(AppServices app) =>
        app.Services.GetRequiredService<IDataProtectionProvider>().CreateProtector("AlexaLinkHub.Tests.KeyRing");

    public void Dispose() => Directory.Delete(_folder, recursive: true);
}
