using AlexaLinkHub.Domain.Users;

namespace AlexaLinkHub.Application.UserImports;

/// <summary>Someone a row may be about: a user who exists (or, in a dry run, a user the dry run would have created).</summary>
internal sealed class ImportPerson(EndUser? user, string? externalId, string normalizedEmail)
{
    public EndUser? User { get; } = user;
    public string? ExternalId { get; set; } = externalId;
    public string NormalizedEmail { get; set; } = normalizedEmail;
}

/// <summary>What a row does: create, update <see cref="Person"/>, or nothing (a conflict, reported on a field).</summary>
internal sealed record RowMatch(ImportPerson? Person, string? ConflictField = null, string? Conflict = null)
{
    public bool Creates => Person is null && Conflict is null;
}

/// <summary>The people a chunk's rows can reach, found by external id first, then by email (trimmed, ignoring case). Kept
/// up to date row by row, so two rows of the same file about one person update it instead of creating it twice.</summary>
internal sealed class ImportPeople
{
    private readonly Dictionary<string, ImportPerson> _byExternalId = new(StringComparer.Ordinal);
    private readonly Dictionary<string, ImportPerson> _byEmail = new(StringComparer.Ordinal);

    public ImportPeople(IEnumerable<EndUser> users, IEnumerable<ImportShadow> shadows)
    {
        foreach (var user in users)
            Add(new ImportPerson(user, user.ExternalId, user.NormalizedEmail));
        foreach (var shadow in shadows)
            Add(new ImportPerson(null, shadow.ExternalId, shadow.NormalizedEmail));
    }

    public RowMatch Match(ValidRow row)
    {
        if (row.ExternalId is { } externalId)
        {
            if (_byExternalId.TryGetValue(externalId, out var byId))
            {
                return byId.NormalizedEmail != row.NormalizedEmail && _byEmail.TryGetValue(row.NormalizedEmail, out var other) && other != byId
                    ? new RowMatch(null, "email", "Another user (with another externalId) already has this email.")
                    : new RowMatch(byId);
            }
            if (_byEmail.TryGetValue(row.NormalizedEmail, out var byEmail))
            {
                return byEmail.ExternalId is { } theirs && theirs != externalId
                    ? new RowMatch(null, "externalId", "A user with this email already has another externalId.")
                    : new RowMatch(byEmail);
            }
            return new RowMatch(null);
        }
        return new RowMatch(_byEmail.GetValueOrDefault(row.NormalizedEmail));
    }

    public void Add(ImportPerson person)
    {
        if (person.ExternalId is not null)
            _byExternalId[person.ExternalId] = person;
        _byEmail[person.NormalizedEmail] = person;
    }

    /// <summary>The person now answers to the row's email and external id.</summary>
    public void Moved(ImportPerson person, ValidRow row)
    {
        if (person.NormalizedEmail != row.NormalizedEmail)
        {
            _byEmail.Remove(person.NormalizedEmail);
            person.NormalizedEmail = row.NormalizedEmail;
        }
        if (row.ExternalId is not null)
            person.ExternalId = row.ExternalId;
        Add(person);
    }
}
