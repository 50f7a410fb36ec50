namespace AlexaLinkHub.Infrastructure.Security.ForeignHashes;

/// <summary>One family of foreign hashes. <see cref="Claims"/> only looks at the prefix; <see cref="Check"/> parses the
/// whole string.</summary>
internal interface IForeignHashFormat
{
    string Name { get; }

    bool Claims(string hash);

    /// <summary>Null when the hash is well-formed and within our cost limits, else the reason (never quoting the hash).</summary>
    string? Check(string hash);

    /// <summary>Only called for a hash <see cref="Check"/> accepted.</summary>
    bool Verify(string hash, string password);
}
