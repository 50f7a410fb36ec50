using AlexaLinkHub.Application.Common.Interfaces;
using AlexaLinkHub.Application.Common.Tenancy;
using AlexaLinkHub.Application.Linking;
using AlexaLinkHub.Application.Tenants;
using AlexaLinkHub.Application.Users;
using AlexaLinkHub.Domain.Audit;
using AlexaLinkHub.Domain.Common;
using AlexaLinkHub.Domain.ExternalSignIn;
using AlexaLinkHub.Domain.Users;
using Mediator;

namespace AlexaLinkHub.Application.ExternalSignIn;

/// <summary>The provider sent the user back (the state already matched the attempt's cookie). Redeems the code, validates
/// the answer and applies the account rules: a known (provider, subject) signs in its user; an unknown one whose email
/// belongs to an account must prove that account with its password first (never taken over by email alone, verified or
/// not); otherwise a new account is made when the tenant allows sign-up. Every refusal is a recorded link failure. The
/// provider is called before anything is written (one SaveChanges after).</summary>
public sealed record CompleteExternalSignIn : ICommand<ExternalSignInOutcome>, ITenantPublicRequest, ISingleSaveCommand
{
    public required string Provider { get; init; }
    public string? Code { get; init; }

    /// <summary>The provider's <c>error</c> (RFC 6749 §4.1.2.1), when it refused.</summary>
    public string? Error { get; init; }
    public required ExternalChallenge Challenge { get; init; }

    /// <summary>The skill being linked, for the audit trail of failures.</summary>
    public string? ClientId { get; init; }
}

public enum ExternalSignInStatus
{
    SignedIn,
    PasswordProofNeeded,
    Failed,
}

/// <summary>An identity waiting to be connected to the account whose password the user types next.</summary>
public sealed record PendingExternalLogin(Guid ProviderId, string ProviderName, string Subject);

public sealed record ExternalSignInOutcome(ExternalSignInStatus Status, Guid? UserId = null, string? FailureReason = null, PendingExternalLogin? Pending = null, string? Email = null, bool EmailVerified = false)
{
    public static ExternalSignInOutcome Failed(string reason) => new(ExternalSignInStatus.Failed, FailureReason: reason);
}

public sealed class CompleteExternalSignInHandler(
    IIdentityProviderRepository providers,
    IExternalLoginRepository logins,
    IEndUserRepository users,
    ITenantRepository tenants,
    IExternalSignInProtocol protocol,
    IProviderSecretProtector protector,
    IPublicUrls urls,
    ITenantContext scope,
    IAuditLog audit,
    TimeProvider clock) : ICommandHandler<CompleteExternalSignIn, ExternalSignInOutcome>
{
    public async ValueTask<ExternalSignInOutcome> Handle(CompleteExternalSignIn command, CancellationToken cancellationToken)
    {
        var provider = await providers.FindByNameAsync(command.Provider, cancellationToken);
        if (provider is not { Enabled: true })
            return Fail(LinkFailureReasons.ExternalUnknownProvider, command, null);
        if (command.Error is not null)
            return Fail(command.Error == "access_denied" ? LinkFailureReasons.ExternalAccessDenied : LinkFailureReasons.ExternalProviderError, command, provider, ErrorCode(command.Error));
        if (string.IsNullOrEmpty(command.Code))
            return Fail(LinkFailureReasons.ExternalProviderError, command, provider, "no code");

        var redirectUri = urls.TenantUrl(scope.TenantSlug!, TenantPaths.ExternalCallback(provider.Name));
        var result = await protocol.RedeemAsync(provider, protector.Unprotect(provider.ProtectedClientSecret), redirectUri, command.Code, command.Challenge, cancellationToken);
        if (result.Identity is not { } identity)
            return Fail(result.FailureReason ?? LinkFailureReasons.ExternalProviderError, command, provider, result.FailureDetail);

        var now = clock.GetUtcNow();
        if (await logins.FindAsync(provider.Id, identity.Subject, cancellationToken) is { } login)
        {
            var known = await users.FindByIdAsync(login.UserId, cancellationToken);
            if (known is not { Enabled: true })
                return Fail(LinkFailureReasons.AccountDisabled, command, provider, userId: login.UserId);
            login.Used(now);
            return new ExternalSignInOutcome(ExternalSignInStatus.SignedIn, known.Id);
        }

        var email = ValidEmail(identity.Email);
        if (email is null)
            return Fail(LinkFailureReasons.ExternalNoEmail, command, provider);
        if (await users.FindByEmailAsync(email, cancellationToken) is { } existing)
            return new ExternalSignInOutcome(ExternalSignInStatus.PasswordProofNeeded, Pending: new PendingExternalLogin(provider.Id, provider.Name, identity.Subject), Email: existing.Email, EmailVerified: identity.EmailVerified);

        var tenant = await tenants.FindByIdAsync(scope.RequiredTenantId, cancellationToken);
        if (tenant is not { SignUpEnabled: true })
            return Fail(LinkFailureReasons.ExternalSignUpDisabled, command, provider);
        if (tenant.EmailConfirmationRequired && !identity.EmailVerified)
            return Fail(LinkFailureReasons.ExternalEmailUnverified, command, provider);

        var user = EndUser.CreateExternal(tenant.Id, email, DisplayName(identity, email), identity.EmailVerified, now);
        users.Add(user);
        logins.Add(ExternalLogin.Connect(tenant.Id, user.Id, provider.Id, identity.Subject, now));
        audit.Record(AuditActions.UserSignedUp, AuditTarget.User(user.Id), AuditDetails.Of("identityProvider", provider.Name));
        return new ExternalSignInOutcome(ExternalSignInStatus.SignedIn, user.Id);
    }

    private ExternalSignInOutcome Fail(string reason, CompleteExternalSignIn command, IdentityProvider? provider, string? detail = null, Guid? userId = null)
    {
        var details = AuditDetails.Of("reason", reason).And("clientId", command.ClientId).And("identityProvider", provider?.Name ?? Truncate(command.Provider));
        audit.Record(AuditActions.LinkFailed, userId is { } id ? AuditTarget.User(id) : AuditTarget.UnknownUser, detail is null ? details : details.And("detail", detail));
        return ExternalSignInOutcome.Failed(reason);
    }

    private static string? ValidEmail(string? email)
    {
        try
        {
            return email is null ? null : EmailAddress.Validate(email);
        }
        catch (DomainException)
        {
            return null;
        }
    }

    private static string DisplayName(ExternalIdentity identity, string email)
    {
        try
        {
            return EndUser.ValidateDisplayName(identity.Name);
        }
        catch (DomainException)
        {
            return EndUser.ValidateDisplayName(email.Split('@')[0]);
        }
    }

    // The provider's error code is ours to record only as a short token (RFC 6749 §4.1.2.1: %x20-21 / %x23-5B / %x5D-7E).
    private static string ErrorCode(string error) => new(error.Where(c => char.IsAsciiLetterOrDigit(c) || c == '_').Take(60).ToArray());

    private static string Truncate(string value) => value.Length > 60 ? value[..60] : value;
}
