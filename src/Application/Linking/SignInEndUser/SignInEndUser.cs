using AlexaLinkHub.Application.Common.Interfaces;
using AlexaLinkHub.Application.Common.Security;
using AlexaLinkHub.Application.Common.Tenancy;
using AlexaLinkHub.Application.Tenants;
using AlexaLinkHub.Application.Users;
using AlexaLinkHub.Domain.Audit;
using AlexaLinkHub.Domain.Users;
using Mediator;
using Microsoft.Extensions.Options;

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
}

public sealed record SignInOutcome(SignInStatus Status, Guid? UserId, DateTimeOffset? LockedUntil)
{
    public bool Succeeded => Status == SignInStatus.Succeeded;
}

public sealed class SignInEndUserHandler(
    ITenantRepository tenants,
    IEndUserRepository users,
    ISignInThrottleRepository throttles,
    IPasswordHasher hasher,
    Accounts.IUserTokens tokens,
    Accounts.IAccountEmails emails,
    IPublicUrls urls,
    ITenantContext scope,
    IAuditLog audit,
    ExternalSignIn.ExternalLogins externalLogins,
    IOptions<SignInOptions> options,
    TimeProvider clock) : ICommandHandler<SignInEndUser, SignInOutcome>
{
    // A real hash of a throwaway password: an unknown email costs the same hash verification as a known one.
    private static string? s_timingHash;

    public async ValueTask<SignInOutcome> Handle(SignInEndUser command, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var settings = options.Value;
        var key = SecretTokens.Hash(EmailAddress.Normalize(command.Email));
        var throttle = await throttles.FindAsync(key, cancellationToken);
        if (throttle is not null && throttle.IsLockedOut(now))
        {
            Fail(LinkFailureReasons.LockedOut, command.ClientId, null);
            return new SignInOutcome(SignInStatus.LockedOut, null, throttle.LockedUntil);
        }

        var user = string.IsNullOrWhiteSpace(command.Email) ? null : await users.FindByEmailAsync(command.Email, cancellationToken);
        var check = hasher.Verify(user?.PasswordHash ?? (s_timingHash ??= hasher.Hash(Guid.NewGuid().ToString())), command.Password ?? string.Empty);
        if (user is null || check == PasswordCheck.Failed)
        {
            if (throttle is null)
            {
                throttle = SignInThrottle.Create(scope.RequiredTenantId, key, now);
                throttles.Add(throttle);
            }
            throttle.RecordFailure(now, settings.MaxFailedAttempts, settings.LockoutDuration, settings.FailureWindow);
            var locked = throttle.IsLockedOut(now);
            Fail(locked ? LinkFailureReasons.LockedOut : LinkFailureReasons.BadCredentials, command.ClientId, user?.Id);
            return locked ? new SignInOutcome(SignInStatus.LockedOut, null, throttle.LockedUntil) : new SignInOutcome(SignInStatus.BadCredentials, null, null);
        }

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

        if (check == PasswordCheck.SuccessRehashNeeded)
            user.SetPasswordHash(hasher.Hash(command.Password!));
        if (command.Connect is { } pending)
            await externalLogins.ConnectAsync(user, pending, cancellationToken);
        return new SignInOutcome(SignInStatus.Succeeded, user.Id, null);
    }

    private void Fail(string reason, string? clientId, Guid? userId) =>
        audit.Record(AuditActions.LinkFailed, userId is { } id ? AuditTarget.User(id) : AuditTarget.UnknownUser, AuditDetails.Of("reason", reason).And("clientId", clientId));
}
