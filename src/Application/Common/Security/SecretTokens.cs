using System.Security.Cryptography;
using System.Text;

namespace AlexaLinkHub.Application.Common.Security;

/// <summary>Secrets we generate (client secrets, API keys): 256 random bits, shown once, stored as a SHA-256 hash.
/// A fast hash is enough for a secret with that much entropy (nothing to brute-force), and it keeps client
/// authentication cheap on every introspection call — unlike passwords, which use the slow salted hasher.</summary>
public static class SecretTokens
{
    public const string ApiKeyPrefix = "alh_";
    public const int PrefixDisplayLength = 12;

    public static string NewApiKey() => ApiKeyPrefix + NewRandom();

    public static string NewClientSecret() => NewRandom();

    public static string DisplayPrefix(string secret) => secret.Length <= PrefixDisplayLength ? secret : secret[..PrefixDisplayLength];

    public static string Hash(string secret) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(secret)));

    public static bool Matches(string secret, string? hash) =>
        hash is not null &&
        CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(Hash(secret)), Encoding.ASCII.GetBytes(hash));

    /// <summary>256 random bits, base64url: also the state, nonce and PKCE verifier of an external sign-in.</summary>
    public static string NewRandom() => Base64Url(RandomNumberGenerator.GetBytes(32));

    private static string Base64Url(byte[] bytes) =>
        Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
