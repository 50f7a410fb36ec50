using System.Net;
using AlexaLinkHub.TestSupport;
using AlexaLinkHub.Web.FunctionalTests.Admin.Support;
using AlexaLinkHub.Web.FunctionalTests.Fleet.Support;
using Microsoft.AspNetCore.Mvc.Testing.Handlers;

namespace AlexaLinkHub.Web.FunctionalTests.Fleet;

/// <summary>The admin sign-in lockout (per email, <c>AdminSignIn:MaxFailedAttempts</c>) holds like the login page's when
/// wrong passwords are sprayed at both instances at once: each attempt takes a slot in the database before its password
/// is checked, so exactly five are verified, and nothing answers 5xx.</summary>
public sealed class ParallelAdminLockoutTests
{
    private const int Guesses = 20;
    private const int MaxAttempts = 5;
    private const string BadCredentials = "The email or password is not correct.";
    private const string LockedOut = "Too many failed attempts. This account is locked; try again in 15 minutes.";

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task TwentyWrongPasswordsAtOnce_HalfToEachInstance_LockAfterExactlyFive(bool unknownEmail)
    {
        await using var fleet = await TwoInstances.StartAsync();
        var email = unknownEmail ? "nobody-at-all@example.com" : AlexaLinkHubFactory.AdminEmail;
        // One browser: the sign-in page (and its antiforgery token) comes from A, the guesses go to both.
        var cookies = new CookieContainer();
        using var onA = new AdminBrowser(fleet.A.CreateDefaultClient(new CookieContainerHandler(cookies)));
        using var onB = new AdminBrowser(fleet.B.CreateDefaultClient(new CookieContainerHandler(cookies)));
        var token = (await onA.GetAsync("/admin/login")).AntiforgeryToken();
        using var start = new ManualResetEventSlim();

        var guesses = Enumerable.Range(0, Guesses).Select(i => Task.Run(async () =>
        {
            start.Wait(TestContext.Current.CancellationToken);
            return await (i % 2 == 0 ? onA : onB).PostAsync("/admin/login", AdminBrowser.Fields(
                ("Input.Email", email), ("Input.Password", $"wrong guess {i}"), ("__RequestVerificationToken", token)));
        })).ToList();
        start.Set();
        var pages = await Task.WhenAll(guesses);

        Assert.All(pages, p => Assert.Equal(HttpStatusCode.OK, p.Status));
        var messages = pages.Select(p => Assert.Single(p.Errors())).ToList();
        Assert.Equal(MaxAttempts - 1, messages.Count(m => m == BadCredentials));
        Assert.Equal(Guesses - MaxAttempts + 1, messages.Count(m => m == LockedOut));
        // Locked on both instances, even for the right password.
        foreach (var browser in new[] { onA, onB })
        {
            var right = await browser.PostAsync("/admin/login", AdminBrowser.Fields(
                ("Input.Email", email), ("Input.Password", AlexaLinkHubFactory.AdminPassword), ("__RequestVerificationToken", token)));
            Assert.Equal([LockedOut], right.Errors());
        }
    }
}
