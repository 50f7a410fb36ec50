using System.Security.Cryptography;
using AlexaLinkHub.Infrastructure.Persistence;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.Tokens;
using OpenIddict.Server;

namespace AlexaLinkHub.Infrastructure.OAuth;

/// <summary>The OAuth server's signing and encryption keys live in the database so every instance uses the same ones
/// and a restart invalidates no token. They are read — and created by the first instance that finds none — when
/// OpenIddict's options are first built, which the host forces right after the migrations at startup. Configured
/// certificates replace them.</summary>
public static class ServerKeys
{
    private const string ProtectorPurpose = "AlexaLinkHub.ServerKeys.v1";

    /// <summary>Adds the stored keys to OpenIddict's options (unless certificates were configured).</summary>
    internal sealed class ConfigureServerOptions(IServiceScopeFactory scopes, IOptions<OAuthOptions> oauth) : IConfigureOptions<OpenIddictServerOptions>
    {
        public void Configure(OpenIddictServerOptions options)
        {
            var configured = oauth.Value;
            if (configured.SigningCertificate.Load() is { } signing)
                options.SigningCredentials.Add(new SigningCredentials(new X509SecurityKey(signing), SecurityAlgorithms.RsaSha256));
            if (configured.EncryptionCertificate.Load() is { } encryption)
                options.EncryptionCredentials.Add(new EncryptingCredentials(new X509SecurityKey(encryption), SecurityAlgorithms.RsaOAEP, SecurityAlgorithms.Aes256CbcHmacSha512));
            if (options.SigningCredentials.Count > 0 && options.EncryptionCredentials.Count > 0)
                return;

            using var scope = scopes.CreateScope();
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            var protector = scope.ServiceProvider.GetRequiredService<IDataProtectionProvider>().CreateProtector(ProtectorPurpose);
            if (options.SigningCredentials.Count == 0)
            {
                var row = LoadOrCreate(db, protector, ServerKey.Signing);
                var rsa = RSA.Create();
                rsa.ImportPkcs8PrivateKey(protector.Unprotect(Convert.FromBase64String(row.ProtectedPrivateKey)), out _);
                options.SigningCredentials.Add(new SigningCredentials(new RsaSecurityKey(rsa) { KeyId = $"sig-{row.Id}" }, SecurityAlgorithms.RsaSha256));
            }

            if (options.EncryptionCredentials.Count == 0)
            {
                // A 256-bit AES key (A256KW) rather than RSA-OAEP: only this server ever decrypts its tokens, and an RSA
                // private-key operation on every introspection would cost far more than the rest of the request.
                var row = LoadOrCreate(db, protector, ServerKey.Encryption);
                var key = new SymmetricSecurityKey(protector.Unprotect(Convert.FromBase64String(row.ProtectedPrivateKey))) { KeyId = $"enc-{row.Id}" };
                options.EncryptionCredentials.Add(new EncryptingCredentials(key, SecurityAlgorithms.Aes256KW, SecurityAlgorithms.Aes256CbcHmacSha512));
            }
        }

        // Options are built synchronously by design; this runs once per process.
        private static ServerKey LoadOrCreate(AppDbContext db, IDataProtector protector, string use)
        {
            if (db.Set<ServerKey>().AsNoTracking().FirstOrDefault(k => k.Use == use) is { } existing)
                return existing;
            byte[] secret;
            if (use == ServerKey.Signing)
            {
                using var rsa = RSA.Create(2048);
                secret = rsa.ExportPkcs8PrivateKey();
            }
            else
            {
                secret = RandomNumberGenerator.GetBytes(32);
            }
            var key = new ServerKey
            {
                Use = use,
                ProtectedPrivateKey = Convert.ToBase64String(protector.Protect(secret)),
                CreatedAt = DateTimeOffset.UtcNow,
            };
            db.Add(key);
            try
            {
                db.SaveChanges();
                return key;
            }
            catch (DbUpdateException ex) when (UnitOfWork.IsUniqueViolation(ex))
            {
                // Another instance created it at the same moment: everyone uses the one stored.
                db.ChangeTracker.Clear();
                return db.Set<ServerKey>().AsNoTracking().First(k => k.Use == use);
            }
        }
    }
}
