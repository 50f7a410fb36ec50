using AlexaLinkHub.Application.Common.Security;
using Microsoft.Extensions.DependencyInjection;

namespace AlexaLinkHub.Application.UnitTests.Support;

/// <summary>The real password hasher, counting its calls: a deterministic way to show that two paths (a known and an
/// unknown email) do the same slow work, without timing anything.</summary>
public sealed class CountingHasher
{
    private IPasswordHasher? _inner;
    private int _hashes;
    private int _verifications;

    public void Replace(IServiceCollection services)
    {
        var real = services.Last(d => d.ServiceType == typeof(IPasswordHasher));
        services.Remove(real);
        services.AddSingleton<IPasswordHasher>(sp =>
        {
            _inner = (IPasswordHasher)ActivatorUtilities.CreateInstance(sp, real.ImplementationType!);
            return new Counting(this);
        });
    }

    /// <summary>(hashes, verifications) made while <paramref name="work"/> ran.</summary>
    public async Task<(int Hashes, int Verifications)> CountAsync<T>(Func<Task<T>> work)
    {
        var (hashes, verifications) = (_hashes, _verifications);
        await work();
        return (_hashes - hashes, _verifications - verifications);
    }

    private sealed class Counting(CountingHasher owner) : IPasswordHasher
    {
        public string Hash(string password)
        {
            Interlocked.Increment(ref owner._hashes);
            return owner._inner!.Hash(password);
        }

        public PasswordCheck Verify(string hash, string password)
        {
            Interlocked.Increment(ref owner._verifications);
            return owner._inner!.Verify(hash, password);
        }
    }
}
