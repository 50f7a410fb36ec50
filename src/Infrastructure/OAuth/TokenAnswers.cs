using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text;
using AlexaLinkHub.Infrastructure.Caching;
using Microsoft.Extensions.Options;

namespace AlexaLinkHub.Infrastructure.OAuth;

/// <summary>Answers the OAuth server gave about an active access token — the introspection response for the skill that
/// owns it, the userinfo response — kept under the tenant and a SHA-256 of the token, so the same question is answered
/// again without the database or any cryptography (<see cref="TokenFastPath"/>). An answer is used only while the token
/// is unexpired, nothing it depends on (token, grant, user, skill, tenant) has changed since it was read, and the change
/// feed is in sync (<see cref="ChangeClock"/>). See docs/decisions/014.</summary>
public sealed class TokenAnswers(ChangeClock clock, IOptions<OAuthOptions> options)
{
    /// <summary>Most answers kept per endpoint unless configured (<see cref="OAuthOptions.TokenAnswerCapacity"/>); beyond
    /// it a tenth is dropped (read again on their next use).</summary>
    public const int DefaultCapacity = 100_000;

    public AnswerCache Introspection { get; } = new(clock, options.Value.TokenAnswerCapacity);
    public AnswerCache UserInfo { get; } = new(clock, options.Value.TokenAnswerCapacity);

    public readonly record struct Key(Guid Tenant, UInt128 High, UInt128 Low)
    {
        /// <summary>The key of a presented token; null for one no client could have been given (too long).</summary>
        public static Key? Of(Guid tenant, string token)
        {
            if (token.Length is 0 or > 512)
                return null;
            Span<byte> utf8 = stackalloc byte[1536];
            var length = Encoding.UTF8.GetBytes(token, utf8);
            Span<byte> hash = stackalloc byte[32];
            SHA256.HashData(utf8[..length], hash);
            return new Key(tenant, BitConverter.ToUInt128(hash[..16]), BitConverter.ToUInt128(hash[16..]));
        }
    }

    /// <summary>One answer and what it depends on. <paramref name="ReadAt"/> is the change clock before the request read
    /// anything; <paramref name="Origin"/> the scheme and host it was asked at (the issuer in it follows them).</summary>
    public sealed record Answer(
        string ClientId, Guid SkillId, Guid TokenId, Guid GrantId, Guid UserId, Guid TenantId,
        DateTimeOffset ExpiresAt, string Origin, long ReadAt, byte[] Body);

    public sealed class AnswerCache(ChangeClock clock, int capacity)
    {
        private readonly ConcurrentDictionary<Key, Answer> _answers = new();
        // Kept here rather than asked of the dictionary: ConcurrentDictionary.Count (and .Keys) take every one of its
        // locks, which on every insert serialised the cold path at 100 k distinct tokens.
        private int _count;
        private int _evicting;

        public int Count => Volatile.Read(ref _count);

        public Answer? Find(Key key, string origin, DateTimeOffset now)
        {
            if (!_answers.TryGetValue(key, out var answer))
                return null;
            if (answer.ExpiresAt > now && string.Equals(answer.Origin, origin, StringComparison.Ordinal)
                && clock.IsCurrent(answer.ReadAt, answer.TokenId, answer.GrantId, answer.UserId, answer.SkillId, answer.TenantId))
                return answer;
            if (_answers.TryRemove(new KeyValuePair<Key, Answer>(key, answer)))
                Interlocked.Decrement(ref _count);
            return null;
        }

        public void Remember(Key key, Answer answer)
        {
            if (capacity <= 0)
                return;
            if (Count >= capacity)
                Evict();
            if (_answers.TryAdd(key, answer))
                Interlocked.Increment(ref _count);
            else
                _answers[key] = answer;
        }

        // Full: one caller drops a tenth — whichever entries the dictionary's lock-free enumeration meets first, so the
        // cost is that tenth, not the whole table (O(1) per insert amortised), and the other callers insert meanwhile.
        private void Evict()
        {
            if (Interlocked.Exchange(ref _evicting, 1) == 1)
                return;
            try
            {
                var dropped = 0;
                foreach (var entry in _answers)
                {
                    if (dropped >= Math.Max(1, capacity / 10))
                        break;
                    if (_answers.TryRemove(entry))
                    {
                        Interlocked.Decrement(ref _count);
                        dropped++;
                    }
                }
            }
            finally
            {
                Volatile.Write(ref _evicting, 0);
            }
        }
    }
}
