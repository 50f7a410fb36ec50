using AlexaLinkHub.Application.Common.Interfaces;
using AlexaLinkHub.Application.Common.Security;
using AlexaLinkHub.Application.Common.Tenancy;
using AlexaLinkHub.Application.Tenants;
using AlexaLinkHub.Application.Users;
using AlexaLinkHub.Domain.Audit;
using AlexaLinkHub.Domain.Users;
using Mediator;

namespace AlexaLinkHub.Application.Linking;

/// <summary>Checks an end user's credentials on the tenant's login page. The result never tells an unknown email from a
/// wrong password, and both count towards the same lockout.</summary>
public sealed record SignInEndUser : ICommand<SignInOutcome>, ITenantPublicRequest, ISingleSaveCommand
{
    public required string Email { get; init; }
    public required string Password { get; init; }

    /// <summary>The skill being linked, for the audit trail of failures (may be null outside a link flow).</summary>
    public string? ClientId { get; init; }

    /// <summary>Where a confirmation link (re-sent to an unconfirmed account) brings the user back to.</summary>
    public string? ReturnUrl { get; init; }

    /// <summary>An external identity to connect to the account once its password is proved (the provider named an email
    /// that has an account here: docs/decisions/013).</summary>
    public ExternalSignIn.PendingExternalLogin? Connect { get; init; }
}

public enum SignInStatus
{
    Succeeded,
    BadCredentials,
    LockedOut,
    Disabled,
    EmailNotConfirmed,

    /// <summary>The vendor's legacy sign-in endpoint could not be reached: try again (no account was created).</summary>
    Unavailable,
}

public sealed record SignInOutcome(SignInStatus Status, Guid? UserId, DateTimeOffset? LockedUntil)
{
    public bool Succeeded => Status == SignInStatus.Succeeded;
}

public sealed class SignInEndUserHandler(
    ITenantRepository tenants,
    IEndUserRepository users,
    ISignInThrottleRepository throttles,
    ISender sender,
    IPasswordHasher hasher,
    EndUserCredentials credentials,
    Accounts.IUserTokens tokens,
    Accounts.IAccountEmails emails,
    IPublicUrls urls,
    ITenantContext scope,
    IAuditLog audit,
    ExternalSignIn.ExternalLogins externalLogins) : ICommandHandler<SignInEndUser, SignInOutcome>
{
    public async ValueTask<SignInOutcome> Handle(SignInEndUser command, CancellationToken cancellationToken)
    {
        var key = SecretTokens.Hash(EmailAddress.Normalize(command.Email));
        // The attempt is counted (committed) before the password is checked: see CountSignInAttempt.
        var attempt = await sender.Send(new CountSignInAttempt(key), cancellationToken);
        if (attempt.Refused)
        {
            Fail(LinkFailureReasons.LockedOut, command.ClientId, null);
            return new SignInOutcome(SignInStatus.LockedOut, null, attempt.LockedUntil);
        }

        var user = string.IsNullOrWhiteSpace(command.Email) ? null : await users.FindByEmailAsync(command.Email, cancellationToken);
        var check = await credentials.CheckAsync(user, command.Email ?? string.Empty, command.Password ?? string.Empty, cancellationToken);
        user = check.User;
        if (user is null || check.Result != CredentialResult.Valid)
        {
            var locked = attempt.LockedUntil is not null;
            var unavailable = check.Result == CredentialResult.Unavailable;
            Fail(locked ? LinkFailureReasons.LockedOut : unavailable ? LinkFailureReasons.LegacyUnavailable : LinkFailureReasons.BadCredentials, command.ClientId, user?.Id, check.Problem);
            if (locked)
                return new SignInOutcome(SignInStatus.LockedOut, null, attempt.LockedUntil);
            return new SignInOutcome(unavailable ? SignInStatus.Unavailable : SignInStatus.BadCredentials, null, null);
        }

        // The right password gives the counted attempt back (the throttle is tracked since CountSignInAttempt).
        var throttle = await throttles.FindAsync(key, cancellationToken);
        throttle?.Reset();
        if (!user.Enabled)
        {
            Fail(LinkFailureReasons.AccountDisabled, command.ClientId, user.Id);
            return new SignInOutcome(SignInStatus.Disabled, null, null);
        }

        if (!user.EmailConfirmed && await tenants.FindByIdAsync(scope.RequiredTenantId, cancellationToken) is { EmailConfirmationRequired: true } tenant)
        {
            // The right password proves who asks: send a fresh confirmation link that resumes this flow.
            var link = Accounts.AccountLinks.Build(urls, tenant.Slug, TenantPaths.ConfirmEmail, tokens.Create(user, Accounts.UserTokenPurpose.EmailConfirmation), command.ReturnUrl);
            emails.QueueEmailConfirmation(tenant, user, link);
            return new SignInOutcome(SignInStatus.EmailNotConfirmed, null, null);
        }

        if (check.RehashNeeded)
            user.SetPasswordHash(hasher.Hash(command.Password!));
        if (command.Connect is { } pending)
            await externalLogins.ConnectAsync(user, pending, cancellationToken);
        return new SignInOutcome(SignInStatus.Succeeded, user.Id, null);
    }

    private void Fail(string reason, string? clientId, Guid? userId, string? detail = null)
    {
        Common.Telemetry.LinkHubMetrics.LinkFailed(scope.TenantSlug, reason);
        var details = AuditDetails.Of("reason", reason).And("clientId", clientId);
        audit.Record(AuditActions.LinkFailed, userId is { } id ? AuditTarget.User(id) : AuditTarget.UnknownUser,
            detail is null ? details : details.And("detail", detail));
    }
}
