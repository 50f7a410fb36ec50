using AlexaLinkHub.Domain.Common;
using AlexaLinkHub.Domain.Users;

namespace AlexaLinkHub.Domain.UnitTests.Users;

public class SignInThrottleTests
{
    private static readonly Guid TenantId = Guid.Parse("0195a1b2-0000-7000-8000-000000000002");
    private static readonly TimeSpan Lockout = TimeSpan.FromMinutes(15);
    private static readonly TimeSpan Window = TimeSpan.FromMinutes(15);

    private static SignInThrottle NewThrottle() => SignInThrottle.Create(TenantId, "email-hash", TestTime.Now);

    [Fact]
    public void RecordFailure_BelowTheLimit_CountsWithoutLocking()
    {
        var throttle = NewThrottle();

        throttle.RecordFailure(TestTime.Now, maxAttempts: 5, Lockout, Window);
        throttle.RecordFailure(TestTime.Now.AddMinutes(1), maxAttempts: 5, Lockout, Window);

        Assert.Equal(2, throttle.FailedCount);
        Assert.Null(throttle.LockedUntil);
        Assert.False(throttle.IsLockedOut(TestTime.Now.AddMinutes(1)));
    }

    [Fact]
    public void RecordFailure_ReachingTheLimit_LocksUntilNowPlusLockoutAndResetsTheCount()
    {
        var throttle = NewThrottle();
        var fifth = TestTime.Now.AddMinutes(4);

        for (var i = 0; i < 4; i++)
            throttle.RecordFailure(TestTime.Now.AddMinutes(i), maxAttempts: 5, Lockout, Window);
        throttle.RecordFailure(fifth, maxAttempts: 5, Lockout, Window);

        Assert.Equal(fifth + Lockout, throttle.LockedUntil);
        Assert.Equal(0, throttle.FailedCount);
        Assert.True(throttle.IsLockedOut(fifth));
    }

    [Fact]
    public void IsLockedOut_AtAndAfterTheLockoutEnd_IsFalse()
    {
        var throttle = NewThrottle();
        throttle.RecordFailure(TestTime.Now, maxAttempts: 1, Lockout, Window);

        Assert.True(throttle.IsLockedOut(TestTime.Now + Lockout - TimeSpan.FromTicks(1)));
        Assert.False(throttle.IsLockedOut(TestTime.Now + Lockout));
        Assert.False(throttle.IsLockedOut(TestTime.Now + Lockout + TimeSpan.FromHours(1)));
    }

    [Fact]
    public void RecordFailure_AfterAQuietWindow_StartsCountingAgain()
    {
        var throttle = NewThrottle();
        throttle.RecordFailure(TestTime.Now, maxAttempts: 3, Lockout, Window);
        throttle.RecordFailure(TestTime.Now.AddMinutes(1), maxAttempts: 3, Lockout, Window);

        throttle.RecordFailure(TestTime.Now.AddMinutes(1) + Window + TimeSpan.FromSeconds(1), maxAttempts: 3, Lockout, Window);

        Assert.Equal(1, throttle.FailedCount);
        Assert.Null(throttle.LockedUntil);
    }

    [Fact]
    public void Reset_AfterFailuresAndLockout_ClearsBoth()
    {
        var throttle = NewThrottle();
        throttle.RecordFailure(TestTime.Now, maxAttempts: 1, Lockout, Window);
        throttle.RecordFailure(TestTime.Now, maxAttempts: 5, Lockout, Window);

        throttle.Reset();

        Assert.Equal(0, throttle.FailedCount);
        Assert.Null(throttle.LockedUntil);
        Assert.False(throttle.IsLockedOut(TestTime.Now));
    }

    [Fact]
    public void RecordFailure_MaxAttemptsBelowOne_IsRefused() =>
        Assert.Throws<DomainException>(() => NewThrottle().RecordFailure(TestTime.Now, maxAttempts: 0, Lockout, Window));

    [Theory]
    [InlineData(false, "key")]
    [InlineData(true, "")]
    [InlineData(true, "  ")]
    public void Create_WithoutTenantOrKey_IsRefused(bool withTenant, string key) =>
        Assert.Throws<DomainException>(() => SignInThrottle.Create(withTenant ? TenantId : Guid.Empty, key, TestTime.Now));
}
