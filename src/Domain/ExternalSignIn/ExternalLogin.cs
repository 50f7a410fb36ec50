using AlexaLinkHub.Domain.Common;

namespace AlexaLinkHub.Domain.ExternalSignIn;

/// <summary>An external identity of an end user: the subject a provider asserts for them. (provider, subject) is unique;
/// an identity is connected only when it signs up a new user or after the user proved the account with its password —
/// never by a matching email alone.</summary>
public sealed class ExternalLogin : ITenantOwned
{
    public const int SubjectMaxLength = 255;

    private ExternalLogin()
    {
        Subject = null!;
    }

    public Guid Id { get; private set; }
    public Guid TenantId { get; private set; }
    public Guid UserId { get; private set; }
    public Guid ProviderId { get; private set; }
    public string Subject { get; private set; }
    public DateTimeOffset CreatedAt { get; private set; }
    public DateTimeOffset LastUsedAt { get; private set; }

    public static ExternalLogin Connect(Guid tenantId, Guid userId, Guid providerId, string subject, DateTimeOffset now) => new()
    {
        Id = Guid.CreateVersion7(now),
        TenantId = tenantId == Guid.Empty ? throw new DomainException("An external login belongs to a tenant.") : tenantId,
        UserId = userId,
        ProviderId = providerId,
        Subject = ValidateSubject(subject),
        CreatedAt = now,
        LastUsedAt = now,
    };

    public void Used(DateTimeOffset now) => LastUsedAt = now;

    public static string ValidateSubject(string? subject) =>
        string.IsNullOrEmpty(subject) || subject.Length > SubjectMaxLength || subject.Any(char.IsControl)
            ? throw new DomainException("The provider's subject is missing or malformed.", "subject")
            : subject;
}
