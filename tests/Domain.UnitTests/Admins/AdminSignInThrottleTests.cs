using AlexaLinkHub.Domain.Admins;
using AlexaLinkHub.Domain.Common;

namespace AlexaLinkHub.Domain.UnitTests.Admins;

public class AdminSignInThrottleTests
{
    [Fact]
    public void RecordFailure_ReachingTheLimit_LocksLikeAnEndUserThrottle()
    {
        var throttle = AdminSignInThrottle.Create("email-hash", TestTime.Now);
        var lockout = TimeSpan.FromMinutes(30);

        throttle.RecordFailure(TestTime.Now, maxAttempts: 3, lockout, lockout);
        throttle.RecordFailure(TestTime.Now.AddMinutes(1), maxAttempts: 3, lockout, lockout);
        Assert.False(throttle.IsLockedOut(TestTime.Now.AddMinutes(1)));
        throttle.RecordFailure(TestTime.Now.AddMinutes(2), maxAttempts: 3, lockout, lockout);

        Assert.Equal(TestTime.Now.AddMinutes(32), throttle.LockedUntil);
        Assert.True(throttle.IsLockedOut(TestTime.Now.AddMinutes(31)));
        Assert.False(throttle.IsLockedOut(TestTime.Now.AddMinutes(32)));
        throttle.Reset();
        Assert.False(throttle.IsLockedOut(TestTime.Now.AddMinutes(3)));
    }

    [Fact]
    public void Create_WithoutAKey_IsRefused() =>
        Assert.Throws<DomainException>(() => AdminSignInThrottle.Create(" ", TestTime.Now));
}
