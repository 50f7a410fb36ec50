using AlexaLinkHub.Domain.Users;

namespace AlexaLinkHub.Application.LegacySignIns;

/// <summary>The tenant's legacy sign-in endpoint, if any (one per tenant).</summary>
public interface ILegacySignInRepository
{
    Task<LegacySignIn?> FindAsync(CancellationToken cancellationToken);

    void Add(LegacySignIn endpoint);

    void Remove(LegacySignIn endpoint);
}

/// <summary>One check of a customer's credentials at the vendor: <c>POST {url}</c> with
/// <c>{ email, password, tenant }</c> (JSON), signed like our webhooks.</summary>
public sealed record LegacySignInRequest(string Url, string Secret, string Tenant, string Email, string Password);

public enum LegacySignInVerdict
{
    /// <summary>200 with the account: the password is right.</summary>
    Accepted,

    /// <summary>401 or 404: no such account, or a wrong password.</summary>
    Rejected,

    /// <summary>No usable answer: a timeout, a 5xx, a redirect, a refused address, an unreadable 200.</summary>
    Unavailable,
}

/// <summary>The vendor's answer. <see cref="Error"/> says why it was unusable (for the audit trail and the endpoint
/// test; it never holds the password).</summary>
public sealed record LegacySignInAnswer(
    LegacySignInVerdict Verdict,
    int? StatusCode,
    string? Error,
    TimeSpan Duration,
    string? ExternalId = null,
    string? Email = null,
    string? DisplayName = null,
    bool? EmailVerified = null);

/// <summary>Calls a vendor's legacy sign-in endpoint once (no retries, no redirects, at most
/// <see cref="LegacySignInOptions.MaxTimeout"/>, through the same address guard as webhooks). Never throws for the
/// vendor's failures.</summary>
public interface ILegacySignInClient
{
    Task<LegacySignInAnswer> SignInAsync(LegacySignInRequest request, CancellationToken cancellationToken);
}
