using System.Security.Cryptography;
using AlexaLinkHub.Infrastructure.Persistence;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Primitives;
using Microsoft.IdentityModel.Tokens;
using OpenIddict.Server;

namespace AlexaLinkHub.Infrastructure.OAuth;

/// <summary>The generated signing keys as this instance knows them. Every key in the ring is published (JWKS) and
/// verifies; the one that signs is the newest whose activation time has come (<see cref="SignWithActiveKey"/>), so a
/// rotation publishes the next key ahead and every instance switches to it at the same moment without being told.
/// When the set of keys changes (a rotation here or, seen by <see cref="RefreshAsync"/>, elsewhere; a retirement),
/// OpenIddict's options are rebuilt: that is how JWKS and token validation learn of it.</summary>
public sealed class SigningKeyRing(IServiceScopeFactory scopes, IDataProtectionProvider protection, TimeProvider clock) : IOptionsChangeTokenSource<OpenIddictServerOptions>
{
    internal const string ProtectorPurpose = "AlexaLinkHub.ServerKeys.v1";

    private readonly IDataProtector _protector = protection.CreateProtector(ProtectorPurpose);
    private readonly Lock _lock = new();
    private IReadOnlyList<Key>? _keys;
    private CancellationTokenSource _changed = new();

    public sealed record Key(int Id, int Generation, DateTimeOffset CreatedAt, DateTimeOffset ActivatesAt, SigningCredentials Credentials)
    {
        public string KeyId => Credentials.Key.KeyId;
    }

    public string? Name => Options.DefaultName;

    public IChangeToken GetChangeToken() => new CancellationChangeToken(_changed.Token);

    /// <summary>Oldest first. Read (and the first key created) on first use, which the host forces at startup.</summary>
    public IReadOnlyList<Key> Keys
    {
        get
        {
            if (_keys is { } keys)
                return keys;
            lock (_lock)
            {
                using var scope = scopes.CreateScope();
                var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
                var rows = Rows(db.Set<ServerKey>()).ToList();
                if (rows.Count == 0)
                    rows = [ServerKeys.Create(db, _protector, ServerKey.Signing, 1, clock.GetUtcNow(), TimeSpan.Zero)];
                return _keys ??= rows.Select(ToKey).ToList();
            }
        }
    }

    /// <summary>The key that signs now: the newest whose activation has come.</summary>
    public Key Active(DateTimeOffset now) => Keys.LastOrDefault(k => k.ActivatesAt <= now) ?? Keys[0];

    /// <summary>Re-reads the keys; when the set differs from what this instance knew, OpenIddict's options are rebuilt.</summary>
    public async Task RefreshAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var rows = await Rows(scope.ServiceProvider.GetRequiredService<AppDbContext>().Set<ServerKey>()).ToListAsync(cancellationToken);
        if (rows.Count == 0 || (_keys is { } known && known.Select(k => k.Id).SequenceEqual(rows.Select(r => r.Id))))
            return;
        var keys = rows.Select(ToKey).ToList();
        CancellationTokenSource changed;
        lock (_lock)
        {
            _keys = keys;
            changed = _changed;
            _changed = new CancellationTokenSource();
        }
        await changed.CancelAsync();
    }

    private static IQueryable<ServerKey> Rows(IQueryable<ServerKey> keys) =>
        keys.AsNoTracking().Where(k => k.Use == ServerKey.Signing).OrderBy(k => k.Generation);

    private Key ToKey(ServerKey row)
    {
        var rsa = RSA.Create();
        rsa.ImportPkcs8PrivateKey(_protector.Unprotect(Convert.FromBase64String(row.ProtectedPrivateKey)), out _);
        var credentials = new SigningCredentials(new RsaSecurityKey(rsa) { KeyId = row.KeyId }, SecurityAlgorithms.RsaSha256);
        return new Key(row.Id, row.Generation, row.CreatedAt, row.ActivatesAt, credentials);
    }
}
