using System.Net;
using AlexaLinkHub.TestSupport;
using AlexaLinkHub.Web.FunctionalTests.Fleet.Support;
using AlexaLinkHub.Web.FunctionalTests.Linking.Support;
using AlexaLinkHub.Web.FunctionalTests.Support;

namespace AlexaLinkHub.Web.FunctionalTests.Fleet;

/// <summary>Issue 15 (1): wrong passwords sprayed at both instances at once lock the email after exactly
/// <c>SignIn:MaxFailedAttempts</c> verified guesses — every attempt takes a slot in the database before its password is
/// checked — and nothing answers 5xx or 409.</summary>
public sealed class ParallelLockoutTests
{
    private const int Guesses = 20;
    private const int MaxAttempts = 5;
    private const string BadCredentials = "The email or password is not correct. Use your Car Fu Rides account, not your Amazon account.";
    private const string LockedOut = "Too many failed attempts. Wait 15 minutes and try again, or reset your password.";

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task TwentyWrongPasswordsAtOnce_HalfToEachInstance_LockAfterExactlyFive(bool unknownEmail)
    {
        await using var fleet = await TwoInstances.StartAsync();
        using var platform = fleet.A.CreateApiClient();
        var setup = await platform.ArrangeLinkAsync();
        var email = unknownEmail ? "nobody-at-all@example.com" : setup.User.Email;
        // One phone: the login page comes from A, the guesses go to both (the antiforgery token is good on either).
        var cookies = new CookieContainer();
        using var onA = LinkFlowClient.Create(fleet.A, cookies);
        using var onB = LinkFlowClient.Create(fleet.B, cookies);
        var login = await onA.FollowAsync(await onA.GetPageAsync(setup.AuthorizeUrl()));
        using var start = new ManualResetEventSlim();

        var guesses = Enumerable.Range(0, Guesses).Select(i => Task.Run(async () =>
        {
            start.Wait(TestContext.Current.CancellationToken);
            return await (i % 2 == 0 ? onA : onB).SignInAsync(login, email, $"wrong guess {i}");
        })).ToList();
        start.Set();
        var pages = await Task.WhenAll(guesses);

        Assert.All(pages, p => Assert.Equal(HttpStatusCode.OK, p.StatusCode));
        var messages = pages.Select(p => p.TextOf("error")).ToList();
        Assert.Equal(MaxAttempts - 1, messages.Count(m => m == BadCredentials));
        Assert.Equal(Guesses - MaxAttempts + 1, messages.Count(m => m == LockedOut));
        // Locked on both instances, even for the right password.
        foreach (var browser in new[] { onA, onB })
        {
            var right = await browser.SignInAsync(login, email, setup.User.Password);
            Assert.Equal(LockedOut, right.TextOf("error"));
        }
        var failures = await LinkAssert.AuditAsync(platform, setup.Slug, "link.failed");
        Assert.Equal(Guesses + 2, failures.Count);
        Assert.Equal(MaxAttempts - 1, failures.Count(f => f.Str("details").StartsWith("reason=bad_credentials", StringComparison.Ordinal)));
    }
}
