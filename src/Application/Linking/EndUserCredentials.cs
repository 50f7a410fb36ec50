using AlexaLinkHub.Application.Common.Interfaces;
using AlexaLinkHub.Application.Common.Security;
using AlexaLinkHub.Application.Common.Tenancy;
using AlexaLinkHub.Application.LegacySignIns;
using AlexaLinkHub.Application.Users;
using AlexaLinkHub.Application.Webhooks;
using AlexaLinkHub.Domain.Audit;
using AlexaLinkHub.Domain.Common;
using AlexaLinkHub.Domain.Users;

namespace AlexaLinkHub.Application.Linking;

public enum CredentialResult
{
    Valid,
    Invalid,

    /// <summary>The vendor's legacy sign-in endpoint could not answer: nobody can tell whether the password is right.</summary>
    Unavailable,
}

/// <summary>The verdict on a password, and the user it proves (created just now when the vendor's endpoint vouched for
/// an email we did not know). <see cref="RehashNeeded"/>: store our current hash of the password once sign-in succeeds.
/// <see cref="Problem"/>: why the vendor's answer was unusable (for the audit trail; never a credential).</summary>
public sealed record CredentialCheck(CredentialResult Result, EndUser? User, bool RehashNeeded = false, string? Problem = null);

/// <summary>Checks an end user's password wherever it lives: our own hash; a hash imported from the vendor (any supported
/// format — replaced by ours at the first success, so the foreign hash is gone); or, for an email we do not know (or a
/// user imported without a password), the vendor's legacy sign-in endpoint, called once, which on success creates the
/// user with our hash. Whatever the path, exactly one slow hash is verified before anything else is known, so an unknown
/// email costs what a wrong password costs.</summary>
public sealed class EndUserCredentials(
    IPasswordHasher hasher,
    IForeignPasswordHashes foreignHashes,
    ILegacySignInRepository legacy,
    ILegacySignInClient legacyClient,
    IWebhookSecretProtector secrets,
    IEndUserRepository users,
    ITenantContext scope,
    IAuditLog audit,
    TimeProvider clock)
{
    // A real hash of a throwaway password: an unknown email costs the same hash verification as a known one.
    private static string? s_timingHash;

    public async Task<CredentialCheck> CheckAsync(EndUser? user, string email, string password, CancellationToken cancellationToken)
    {
        switch (user?.PasswordSource)
        {
            case PasswordSource.Own:
                var check = hasher.Verify(user.PasswordHash, password);
                return new CredentialCheck(check == PasswordCheck.Failed ? CredentialResult.Invalid : CredentialResult.Valid, user, check == PasswordCheck.SuccessRehashNeeded);
            case PasswordSource.Imported:
                return foreignHashes.Verify(user.PasswordHash, password)
                    ? new CredentialCheck(CredentialResult.Valid, user, RehashNeeded: true)
                    : new CredentialCheck(CredentialResult.Invalid, user);
        }

        hasher.Verify(s_timingHash ??= hasher.Hash(Guid.NewGuid().ToString()), password);
        if (!IsEmail(email) || await legacy.FindAsync(cancellationToken) is not { Enabled: true } endpoint)
            return new CredentialCheck(CredentialResult.Invalid, user);
        return await AskVendorAsync(endpoint, user, email.Trim(), password, cancellationToken);
    }

    private async Task<CredentialCheck> AskVendorAsync(LegacySignIn endpoint, EndUser? user, string email, string password, CancellationToken cancellationToken)
    {
        var answer = await legacyClient.SignInAsync(
            new LegacySignInRequest(endpoint.Url, secrets.Unprotect(endpoint.ProtectedSecret), scope.TenantSlug!, email, password), cancellationToken);
        if (answer.Verdict == LegacySignInVerdict.Rejected)
            return new CredentialCheck(CredentialResult.Invalid, user);
        if (answer.Verdict == LegacySignInVerdict.Unavailable)
            return Unavailable(user, answer.Error);
        if (EmailAddress.Normalize(answer.Email) != EmailAddress.Normalize(email))
            return Unavailable(user, "the endpoint answered for another email");

        if (user is null)
        {
            string? externalId;
            try
            {
                externalId = EndUser.ValidateExternalId(answer.ExternalId);
            }
            catch (DomainException)
            {
                return Unavailable(null, "the endpoint answered with an unusable externalId");
            }
            if (externalId is not null && await users.ExternalIdExistsAsync(externalId, cancellationToken))
                return Unavailable(null, "the endpoint's externalId belongs to another user");
            user = EndUser.Create(scope.RequiredTenantId, email, DisplayName(answer.DisplayName, email), hasher.Hash(password), externalId, clock.GetUtcNow());
            if (answer.EmailVerified == true)
                user.ConfirmEmail();
            users.Add(user);
        }
        else
        {
            user.SetPasswordHash(hasher.Hash(password));
        }
        audit.Record(AuditActions.UserMigrated, AuditTarget.User(user.Id), AuditDetails.Of("source", "legacy_sign_in"));
        return new CredentialCheck(CredentialResult.Valid, user);
    }

    private static CredentialCheck Unavailable(EndUser? user, string? problem) => new(CredentialResult.Unavailable, user, Problem: problem);

    private static bool IsEmail(string email)
    {
        try
        {
            EmailAddress.Validate(email);
            return true;
        }
        catch (DomainException)
        {
            return false;
        }
    }

    /// <summary>The vendor's name for the customer, or the part of the email before the @ when it has none we can keep.</summary>
    private static string DisplayName(string? offered, string email)
    {
        try
        {
            return EndUser.ValidateDisplayName(offered);
        }
        catch (DomainException)
        {
            return EndUser.ValidateDisplayName(email[..Math.Max(1, email.IndexOf('@', StringComparison.Ordinal))]);
        }
    }
}
