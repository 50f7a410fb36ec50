using System.Security.Cryptography;
using AlexaLinkHub.Application.Common.Security;
using AlexaLinkHub.Domain.Admins;

namespace AlexaLinkHub.Application.Admins;

/// <summary>Recovery codes: 80 random bits each, written as four groups of four base32 letters and digits
/// (<c>k7qd-2mxa-…</c>), shown once and stored as SHA-256 — like our other generated secrets, there is nothing to
/// brute-force in 80 bits, and a fast hash keeps checking ten of them cheap.</summary>
public static class RecoveryCodes
{
    private const string Alphabet = "abcdefghijklmnopqrstuvwxyz234567";

    public static IReadOnlyList<string> New()
    {
        var codes = new HashSet<string>(StringComparer.Ordinal);
        while (codes.Count < AdminUser.RecoveryCodeCount)
        {
            var letters = RandomNumberGenerator.GetString(Alphabet, 16);
            codes.Add($"{letters[..4]}-{letters[4..8]}-{letters[8..12]}-{letters[12..]}");
        }
        return codes.ToList();
    }

    /// <summary>The stored form of a code as typed: case, spaces and dashes do not matter.</summary>
    public static string Hash(string typed) =>
        SecretTokens.Hash(new string(typed.Where(char.IsLetterOrDigit).Select(char.ToLowerInvariant).ToArray()));

    /// <summary>Gives <paramref name="admin"/> a new set and returns it (to show once).</summary>
    public static IReadOnlyList<string> Issue(AdminUser admin, DateTimeOffset now)
    {
        var codes = New();
        admin.ReplaceRecoveryCodes(codes.Select(Hash).ToList(), now);
        return codes;
    }
}
