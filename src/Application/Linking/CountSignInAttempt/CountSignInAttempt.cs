using AlexaLinkHub.Application.Common.Interfaces;
using AlexaLinkHub.Application.Common.Tenancy;
using Mediator;
using Microsoft.Extensions.Options;

namespace AlexaLinkHub.Application.Linking;

/// <summary>Takes one of the <see cref="SignInOptions.MaxFailedAttempts"/> sign-in attempts of an email before its
/// password is checked, in a short transaction of its own with the throttle row locked. Parallel guesses (on one
/// instance or many) each take a slot in turn, so no more passwords than the limit are ever verified; an attempt whose
/// password turns out right gives its slot back (<see cref="Domain.Users.SignInThrottle.Reset"/>). Counting after the
/// check instead let every guess in flight pass the "locked?" test and overwrite each other's count.</summary>
public sealed record CountSignInAttempt(string Key) : ICommand<SignInAttempt>, ITenantPublicRequest;

/// <param name="Refused">The email was already locked: the password must not be checked.</param>
/// <param name="LockedUntil">Set when this attempt was the last one allowed (or the email was locked already): a wrong
/// password now means "locked out".</param>
public sealed record SignInAttempt(bool Refused, DateTimeOffset? LockedUntil);

public sealed class CountSignInAttemptHandler(
    ISignInThrottleRepository throttles, ITenantContext scope, IOptions<SignInOptions> options, TimeProvider clock)
    : ICommandHandler<CountSignInAttempt, SignInAttempt>
{
    public async ValueTask<SignInAttempt> Handle(CountSignInAttempt command, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var throttle = await throttles.LockAsync(scope.RequiredTenantId, command.Key, now, cancellationToken);
        if (throttle.IsLockedOut(now))
            return new SignInAttempt(true, throttle.LockedUntil);
        var settings = options.Value;
        throttle.RecordFailure(now, settings.MaxFailedAttempts, settings.LockoutDuration, settings.FailureWindow);
        return new SignInAttempt(false, throttle.IsLockedOut(now) ? throttle.LockedUntil : null);
    }
}
