using AlexaLinkHub.Application.Common.Interfaces;
using AlexaLinkHub.Application.Linking;
using Mediator;
using Microsoft.Extensions.Options;

namespace AlexaLinkHub.Application.Admins;

/// <summary>Takes one of the <see cref="AdminSignInOptions.MaxFailedAttempts"/> admin sign-in attempts of an email before
/// its password or second factor is checked, in a short transaction of its own with the throttle row locked — the rule
/// of <see cref="CountSignInAttempt"/> for the login page: parallel guesses on any instance take their attempts in turn,
/// and an attempt that proves right gives it back (<see cref="AdminSignInGate.SucceedAsync"/>).</summary>
public sealed record CountAdminSignInAttempt(string Key) : ICommand<SignInAttempt>, IAdminSignInRequest;

public sealed class CountAdminSignInAttemptHandler(IAdminSignInThrottleRepository throttles, IOptions<AdminSignInOptions> options, TimeProvider clock)
    : ICommandHandler<CountAdminSignInAttempt, SignInAttempt>
{
    public async ValueTask<SignInAttempt> Handle(CountAdminSignInAttempt command, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var throttle = await throttles.LockAsync(command.Key, now, cancellationToken);
        if (throttle.IsLockedOut(now))
            return new SignInAttempt(true, throttle.LockedUntil);
        var settings = options.Value;
        throttle.RecordFailure(now, settings.MaxFailedAttempts, settings.LockoutDuration, settings.LockoutDuration);
        return new SignInAttempt(false, throttle.IsLockedOut(now) ? throttle.LockedUntil : null);
    }
}
