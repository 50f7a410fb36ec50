using System.Text;
using System.Text.RegularExpressions;

namespace AlexaLinkHub.Infrastructure.Security.ForeignHashes;

/// <summary>bcrypt, <c>$2a$</c>/<c>$2b$</c>/<c>$2y$</c> (the three revisions compute the same hash for UTF-8
/// passwords), verified by BCrypt.Net-Next. Any cost from 4 verifies; above <see cref="MaxCost"/> one sign-in would take
/// seconds of CPU, so such a hash is refused at import.</summary>
internal sealed partial class BcryptFormat : IForeignHashFormat
{
    public const int MaxCost = 15;

    public string Name => "bcrypt";

    public bool Claims(string hash) =>
        hash.StartsWith("$2a$", StringComparison.Ordinal) || hash.StartsWith("$2b$", StringComparison.Ordinal) || hash.StartsWith("$2y$", StringComparison.Ordinal);

    public string? Check(string hash)
    {
        var match = Shape().Match(hash);
        if (!match.Success)
            return "Malformed bcrypt hash: expected $2b$<cost>$ and 53 characters of salt and hash.";
        var cost = int.Parse(match.Groups["cost"].Value, System.Globalization.CultureInfo.InvariantCulture);
        if (cost < 4)
            return "Malformed bcrypt hash: the cost is at least 04.";
        return cost > MaxCost ? $"The bcrypt cost {cost} is higher than we verify at sign-in (at most {MaxCost})." : null;
    }

    public bool Verify(string hash, string password)
    {
        // The library hashes with the salt and cost of the stored hash; the comparison is ours, in fixed time.
        var computed = BCrypt.Net.BCrypt.HashPassword(password, hash);
        return HashEncoding.FixedTimeEquals(Encoding.ASCII.GetBytes(computed), Encoding.ASCII.GetBytes(hash));
    }

    [GeneratedRegex(@"^\$2[aby]\$(?<cost>\d{2})\$[./A-Za-z0-9]{53}$", RegexOptions.CultureInvariant)]
    private static partial Regex Shape();
}
