using AlexaLinkHub.Application.Common.Security;
using AlexaLinkHub.Application.Users;
using AlexaLinkHub.Domain.Common;
using AlexaLinkHub.Domain.Users;

namespace AlexaLinkHub.Application.UserImports;

/// <summary>A row that passed every rule, its values cleaned the way the entity stores them.</summary>
internal sealed record ValidRow(long Line, string Email, string NormalizedEmail, string DisplayName, string? ExternalId, bool? EmailVerified, string? PasswordHash, string? Password);

/// <summary>The rules of one row, each from its home (the entity's own checks for email, name and external id; the
/// foreign-hash formats for a hash). Every broken rule is reported, with the field it concerns.</summary>
internal static class RowRules
{
    public static ValidRow? Check(ImportRow row, IForeignPasswordHashes hashes, List<RowError> errors)
    {
        var before = errors.Count;
        errors.AddRange(row.Errors);
        if (row.Errors.Any(e => e.Field is null))
            return null;
        var email = Field(row, ImportFields.Email, errors, () => EmailAddress.Validate(row.Email, ImportFields.Email));
        var name = Field(row, ImportFields.DisplayName, errors, () => EndUser.ValidateDisplayName(row.DisplayName));
        var externalId = Field(row, ImportFields.ExternalId, errors, () => EndUser.ValidateExternalId(row.ExternalId));

        if (row.PasswordHash is not null && row.Password is not null)
            errors.Add(new RowError(row.Line, ImportFields.Password, "Give either password or passwordHash, not both."));
        else if (row.PasswordHash is { } hash)
        {
            if (hash.Length > EndUser.MaxPasswordHashLength)
                errors.Add(new RowError(row.Line, ImportFields.PasswordHash, $"A password hash is at most {EndUser.MaxPasswordHashLength} characters."));
            else if (hashes.Inspect(hash).Problem is { } problem)
                errors.Add(new RowError(row.Line, ImportFields.PasswordHash, problem));
        }
        else if (row.Password is { } password && password.EnumerateRunes().Count() > PasswordRules.MaxLength)
        {
            errors.Add(new RowError(row.Line, ImportFields.Password, PasswordRules.TooLongMessage));
        }

        return errors.Count > before
            ? null
            : new ValidRow(row.Line, email!, EmailAddress.Normalize(email), name!, externalId, row.EmailVerified, row.PasswordHash, row.Password);
    }

    private static string? Field(ImportRow row, string field, List<RowError> errors, Func<string?> rule)
    {
        if (row.Errors.Any(e => e.Field == field))
            return null;
        try
        {
            return rule();
        }
        catch (DomainException ex)
        {
            errors.Add(new RowError(row.Line, field, ex.Message));
            return null;
        }
    }
}
