using AlexaLinkHub.Application.Common.Tenancy;
using System.Text.RegularExpressions;
using AlexaLinkHub.Application.Accounts;
using AlexaLinkHub.Application.Linking;
using AlexaLinkHub.Application.Tenants;
using AlexaLinkHub.Application.UnitTests.Support;
using AlexaLinkHub.Application.Users;
using AlexaLinkHub.Domain.Emails;
using AlexaLinkHub.TestSupport;
using Mediator;
using Microsoft.EntityFrameworkCore;
using static AlexaLinkHub.Application.UnitTests.Support.TestActors;

namespace AlexaLinkHub.Application.UnitTests.Accounts;

/// <summary>The end-user side of the application as the tenant pages reach it: an anonymous visitor or a signed-in end
/// user, with the tenant of the page in scope; and the account emails as they sit in the outbox.</summary>
internal static partial class AccountActors
{
    public const string Password = "correct horse battery";
    public const string NewPassword = "a brand new taxi password";
    private const string VisitorIp = "203.0.113.7";

    /// <summary>Nobody signed in, on the tenant's pages (login, sign-up, forgot/reset password).</summary>
    public static Task<T> AsVisitorOf<T>(this AppServices app, TenantDto tenant, IMessage message) =>
        app.SendAsync<T>(message, (actor, scope) =>
        {
            actor.Set(Actor.Anonymous(VisitorIp));
            scope.EnterTenant(tenant.Id, tenant.Slug);
        });

    /// <summary>A signed-in end user of <paramref name="tenant"/> (the account page, consent).</summary>
    public static Task<T> AsEndUser<T>(this AppServices app, TenantDto tenant, Guid userId, IMessage message) =>
        app.SendAsync<T>(message, (actor, scope) =>
        {
            actor.Set(Actor.EndUser(userId, VisitorIp));
            scope.EnterTenant(tenant.Id, tenant.Slug);
        });

    public static Task<EndUserDto> CreateUserAsync(this AppServices app, TenantDto tenant, string email = "jo@example.com") =>
        app.AsAdminOf<EndUserDto>(tenant, Requests.User(email));

    public static Task<SignInOutcome> SignInAsync(this AppServices app, TenantDto tenant, string email, string password) =>
        app.AsVisitorOf<SignInOutcome>(tenant, new SignInEndUser { Email = email, Password = password });

    /// <summary>Every queued email, oldest first (platform scope: all tenants).</summary>
    public static Task<List<OutboundEmail>> OutboxAsync(this AppServices app) =>
        app.QueryDbAsync(db => db.Set<OutboundEmail>().OrderBy(e => e.CreatedAt).ThenBy(e => e.Id).ToListAsync(Ct));

    /// <summary>Asks for a reset link for <paramref name="email"/> and returns the token of the email it queued.</summary>
    public static async Task<string> RequestResetTokenAsync(this AppServices app, TenantDto tenant, string email, string? returnUrl = null)
    {
        var before = (await app.OutboxAsync()).Select(e => e.Id).ToHashSet();
        await app.AsVisitorOf<Unit>(tenant, new RequestPasswordReset(email, returnUrl));
        var sent = Assert.Single(await app.OutboxAsync(), e => !before.Contains(e.Id));
        Assert.Contains("/reset-password?", LinkIn(sent).ToString(), StringComparison.Ordinal);
        return TokenIn(sent);
    }

    public static Task<ResetPasswordOutcome> ResetAsync(this AppServices app, TenantDto tenant, string token, string password = NewPassword) =>
        app.AsVisitorOf<ResetPasswordOutcome>(tenant, new ResetPassword { Token = token, Password = password });

    /// <summary>The link of an account email (the same one in its text and HTML parts).</summary>
    public static Uri LinkIn(OutboundEmail email)
    {
        var inText = LinkPattern().Match(email.TextBody);
        Assert.True(inText.Success, $"No link in the email: {email.TextBody}");
        Assert.Contains($"href=\"{System.Net.WebUtility.HtmlEncode(inText.Value)}\"", email.HtmlBody, StringComparison.Ordinal);
        return new Uri(inText.Value);
    }

    public static string TokenIn(OutboundEmail email) => QueryValue(LinkIn(email), "token")!;

    public static string? QueryValue(Uri url, string name) =>
        Microsoft.AspNetCore.WebUtilities.QueryHelpers.ParseQuery(url.Query).TryGetValue(name, out var value) ? value.ToString() : null;

    [GeneratedRegex(@"https://\S+")]
    private static partial Regex LinkPattern();
}
