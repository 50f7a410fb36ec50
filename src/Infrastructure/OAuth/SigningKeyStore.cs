using AlexaLinkHub.Application.Common.Exceptions;
using AlexaLinkHub.Application.Platform;
using AlexaLinkHub.Infrastructure.Persistence;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace AlexaLinkHub.Infrastructure.OAuth;

/// <summary>Rotation and retirement of the generated signing keys. A key stops being needed once a newer key signs and
/// every still-valid token created before that moment has expired (then nothing it signed can verify any more); until
/// then it stays published and verifying — for implicit-grant tokens, that can be years.</summary>
internal sealed class SigningKeyStore(AppDbContext db, SigningKeyRing ring, IDataProtectionProvider protection, IOptions<OAuthOptions> options, TimeProvider clock)
    : ISigningKeys
{
    // Instances choose the signing key by their own clocks: tokens this close after an activation may still carry the older key.
    private static readonly TimeSpan ClockSkew = TimeSpan.FromMinutes(5);

    public async Task<SigningKeysDto> RotateAsync(TimeSpan? activationDelay, CancellationToken cancellationToken)
    {
        if (!string.IsNullOrWhiteSpace(options.Value.SigningCertificate.Path))
            throw new ConflictException("The signing key comes from OAuth:SigningCertificate: rotate by configuring a new certificate.");
        await RotateCoreAsync(activationDelay ?? options.Value.SigningKeys.ActivationDelay, cancellationToken);
        return Describe();
    }

    /// <summary>Adds the next generation (the database's unique index makes two instances agree on one).</summary>
    internal async Task RotateCoreAsync(TimeSpan activationDelay, CancellationToken cancellationToken)
    {
        var generation = await db.Set<ServerKey>().Where(k => k.Use == ServerKey.Signing).MaxAsync(k => (int?)k.Generation, cancellationToken) ?? 0;
        ServerKeys.Create(db, protection.CreateProtector(SigningKeyRing.ProtectorPurpose), ServerKey.Signing, generation + 1, clock.GetUtcNow(), activationDelay);
        await ring.RefreshAsync(cancellationToken);
    }

    /// <summary>Deletes the superseded keys no valid token needs any more; returns how many.</summary>
    public async Task<int> RetireAsync(CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var keys = await db.Set<ServerKey>().Where(k => k.Use == ServerKey.Signing).OrderBy(k => k.Generation).ToListAsync(cancellationToken);
        var retired = 0;
        for (var i = 0; i < keys.Count - 1 && keys[i + 1].ActivatesAt <= now; i++)
        {
            var supersededAt = (keys[i + 1].ActivatesAt + ClockSkew).UtcDateTime;
            var utcNow = now.UtcDateTime;
            // Every tenant's tokens: this is the platform's key. A token without an expiry keeps its key forever.
            var needed = await db.Set<OAuthToken>().IgnoreQueryFilters()
                .AnyAsync(t => t.Status == Statuses.Valid && t.CreationDate < supersededAt && (t.ExpirationDate == null || t.ExpirationDate > utcNow), cancellationToken);
            if (needed)
                break;
            db.Remove(keys[i]);
            retired++;
        }
        return retired;
    }

    private SigningKeysDto Describe()
    {
        var now = clock.GetUtcNow();
        var keys = ring.Keys;
        var current = ring.Active(now);
        var next = keys[^1];
        return new SigningKeysDto(current.KeyId, next.KeyId, keys.Select(k => new SigningKeyDto(
            k.KeyId, k.CreatedAt, k.ActivatesAt,
            k == current ? "active" : k.ActivatesAt > now ? "published" : "verifying")).ToList());
    }
}
