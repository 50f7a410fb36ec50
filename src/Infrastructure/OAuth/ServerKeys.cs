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
/// OpenIddict's options are first built, which the host forces right after the migrations at startup. Signing keys
/// rotate (<see cref="SigningKeyRing"/>); configured certificates replace them.</summary>
public static class ServerKeys
{
    /// <summary>Adds the stored keys to OpenIddict's options (unless certificates were configured).</summary>
    internal sealed class ConfigureServerOptions(IServiceScopeFactory scopes, IOptions<OAuthOptions> oauth, SigningKeyRing signing, TimeProvider clock)
        : IConfigureOptions<OpenIddictServerOptions>
    {
        public void Configure(OpenIddictServerOptions options)
        {
            var configured = oauth.Value;
            if (configured.SigningCertificate.Load() is { } certificate)
                options.SigningCredentials.Add(new SigningCredentials(new X509SecurityKey(certificate), SecurityAlgorithms.RsaSha256));
            if (configured.EncryptionCertificate.Load() is { } encryption)
                options.EncryptionCredentials.Add(new EncryptingCredentials(new X509SecurityKey(encryption), SecurityAlgorithms.RsaOAEP, SecurityAlgorithms.Aes256CbcHmacSha512));

            if (options.SigningCredentials.Count == 0)
            {
                // The active key first: OpenIddict signs with the first one unless SignWithActiveKey says otherwise.
                var active = signing.Active(clock.GetUtcNow());
                options.SigningCredentials.Add(active.Credentials);
                options.SigningCredentials.AddRange(signing.Keys.Where(k => k != active).Select(k => k.Credentials));
            }

            if (options.EncryptionCredentials.Count == 0)
            {
                // A 256-bit AES key (A256KW) rather than RSA-OAEP: only this server ever decrypts its tokens, and an RSA
                // private-key operation on every introspection would cost far more than the rest of the request.
                using var scope = scopes.CreateScope();
                var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
                var protector = scope.ServiceProvider.GetRequiredService<IDataProtectionProvider>().CreateProtector(SigningKeyRing.ProtectorPurpose);
                var row = db.Set<ServerKey>().AsNoTracking().FirstOrDefault(k => k.Use == ServerKey.Encryption)
                    ?? Create(db, protector, ServerKey.Encryption, 1, clock.GetUtcNow(), TimeSpan.Zero);
                var key = new SymmetricSecurityKey(protector.Unprotect(Convert.FromBase64String(row.ProtectedPrivateKey))) { KeyId = row.KeyId };
                options.EncryptionCredentials.Add(new EncryptingCredentials(key, SecurityAlgorithms.Aes256KW, SecurityAlgorithms.Aes256CbcHmacSha512));
            }
        }
    }

    /// <summary>Generates and stores key <paramref name="generation"/> of <paramref name="use"/>; when another instance
    /// stored that generation at the same moment, everyone uses the one stored. Options are built synchronously by
    /// design; this runs once per process (and per rotation).</summary>
    internal static ServerKey Create(AppDbContext db, IDataProtector protector, string use, int generation, DateTimeOffset now, TimeSpan activationDelay)
    {
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
            Generation = generation,
            ProtectedPrivateKey = Convert.ToBase64String(protector.Protect(secret)),
            CreatedAt = now,
            ActivatesAt = now + activationDelay,
        };
        db.Add(key);
        try
        {
            db.SaveChanges();
            return key;
        }
        catch (DbUpdateException ex) when (UnitOfWork.IsUniqueViolation(ex))
        {
            db.ChangeTracker.Clear();
            return db.Set<ServerKey>().AsNoTracking().First(k => k.Use == use && k.Generation == generation);
        }
    }
}
