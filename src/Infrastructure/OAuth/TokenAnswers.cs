using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text;
using AlexaLinkHub.Infrastructure.Caching;

namespace AlexaLinkHub.Infrastructure.OAuth;

/// <summary>Answers the OAuth server gave about an active access token — the introspection response for the skill that
/// owns it, the userinfo response — kept under the tenant and a SHA-256 of the token, so the same question is answered
/// again without the database or any cryptography (<see cref="TokenFastPath"/>). An answer is used only while the token
/// is unexpired, nothing it depends on (token, grant, user, skill, tenant) has changed since it was read, and the change
/// feed is in sync (<see cref="ChangeClock"/>). See docs/decisions/014.</summary>
public sealed class TokenAnswers(ChangeClock clock)
{
    /// <summary>Most answers kept per endpoint; beyond it a tenth is dropped (read again on their next use).</summary>
    public const int Capacity = 100_000;

    public AnswerCache Introspection { get; } = new(clock);
    public AnswerCache UserInfo { get; } = new(clock);

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

    public sealed class AnswerCache(ChangeClock clock)
    {
        private readonly ConcurrentDictionary<Key, Answer> _answers = new();

        public int Count => _answers.Count;

        public Answer? Find(Key key, string origin, DateTimeOffset now)
        {
            if (!_answers.TryGetValue(key, out var answer))
                return null;
            if (answer.ExpiresAt > now && string.Equals(answer.Origin, origin, StringComparison.Ordinal)
                && clock.IsCurrent(answer.ReadAt, answer.TokenId, answer.GrantId, answer.UserId, answer.SkillId, answer.TenantId))
                return answer;
            _answers.TryRemove(new KeyValuePair<Key, Answer>(key, answer));
            return null;
        }

        public void Remember(Key key, Answer answer)
        {
            if (_answers.Count >= Capacity)
            {
                foreach (var stale in _answers.Keys.Take(Capacity / 10).ToList())
                    _answers.TryRemove(stale, out _);
            }
            _answers[key] = answer;
        }
    }
}
