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
            RsaSecurityKey Load(string use)
            {
                var row = LoadOrCreate(db, protector, use);
                var rsa = RSA.Create();
                rsa.ImportPkcs8PrivateKey(protector.Unprotect(Convert.FromBase64String(row.ProtectedPrivateKey)), out _);
                return new RsaSecurityKey(rsa) { KeyId = $"{use}-{row.Id}" };
            }

            if (options.SigningCredentials.Count == 0)
                options.SigningCredentials.Add(new SigningCredentials(Load(ServerKey.Signing), SecurityAlgorithms.RsaSha256));
            if (options.EncryptionCredentials.Count == 0)
                options.EncryptionCredentials.Add(new EncryptingCredentials(Load(ServerKey.Encryption), SecurityAlgorithms.RsaOAEP, SecurityAlgorithms.Aes256CbcHmacSha512));
        }

        // Options are built synchronously by design; this runs once per process.
        private static ServerKey LoadOrCreate(AppDbContext db, IDataProtector protector, string use)
        {
            if (db.Set<ServerKey>().AsNoTracking().FirstOrDefault(k => k.Use == use) is { } existing)
                return existing;
            using var rsa = RSA.Create(2048);
            var key = new ServerKey
            {
                Use = use,
                ProtectedPrivateKey = Convert.ToBase64String(protector.Protect(rsa.ExportPkcs8PrivateKey())),
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
