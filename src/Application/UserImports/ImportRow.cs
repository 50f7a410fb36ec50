namespace AlexaLinkHub.Application.UserImports;

/// <summary>The names of the fields of a row, as the vendor writes them in the file (matched ignoring case).</summary>
public static class ImportFields
{
    public const string Email = "email";
    public const string DisplayName = "displayName";
    public const string ExternalId = "externalId";
    public const string EmailVerified = "emailVerified";
    public const string PasswordHash = "passwordHash";
    public const string Password = "password";

    public static readonly IReadOnlyList<string> All = [Email, DisplayName, ExternalId, EmailVerified, PasswordHash, Password];

    /// <summary>The field's canonical name, or null when it is not one of ours.</summary>
    public static string? Canonical(string name) => All.FirstOrDefault(f => string.Equals(f, name.Trim(), StringComparison.OrdinalIgnoreCase));
}

/// <summary>A row as read from the file, before any rule is applied. Null means absent (or empty).</summary>
public sealed class ImportRow
{
    public ImportRow(long line) => Line = line;

    public long Line { get; }
    public string? Email { get; set; }
    public string? DisplayName { get; set; }
    public string? ExternalId { get; set; }
    public bool? EmailVerified { get; set; }
    public string? PasswordHash { get; set; }
    public string? Password { get; set; }

    /// <summary>Problems found while reading (a field of the wrong type, an unknown field); such a row is not applied.</summary>
    public List<RowError> Errors { get; } = [];

    public void Set(string field, string? value)
    {
        var text = string.IsNullOrEmpty(value) ? null : value;
        switch (field)
        {
            case ImportFields.Email: Email = text; break;
            case ImportFields.DisplayName: DisplayName = text; break;
            case ImportFields.ExternalId: ExternalId = text; break;
            case ImportFields.PasswordHash: PasswordHash = text?.Trim(); break;
            case ImportFields.Password: Password = text; break;
            case ImportFields.EmailVerified:
                if (text is null)
                    EmailVerified = null;
                else if (ParseBoolean(text) is { } flag)
                    EmailVerified = flag;
                else
                    Errors.Add(new RowError(Line, field, "Use true or false."));
                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(field), field, "Not an import field.");
        }
    }

    private static bool? ParseBoolean(string text) => text.Trim().ToLowerInvariant() switch
    {
        "true" or "1" or "yes" => true,
        "false" or "0" or "no" => false,
        _ => null,
    };
}

/// <summary>Why a row (or, without a line, the import) was not applied: never quoting the value at fault.</summary>
public sealed record RowError(long? Line, string? Field, string Message);
