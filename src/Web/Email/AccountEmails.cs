using System.Net;
using AlexaLinkHub.Application.Accounts;
using AlexaLinkHub.Application.Common.Interfaces;
using AlexaLinkHub.Domain.Tenants;
using AlexaLinkHub.Domain.Users;
using AlexaLinkHub.Web.Tenancy;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;

namespace AlexaLinkHub.Web.Email;

/// <summary>The account emails, in the language of the page that caused them and with the tenant's name, logo and
/// colour, queued in the outbox (sent by the dispatcher, never on the request path).</summary>
public sealed class AccountEmails(IEmailOutbox outbox, IOptions<AccountOptions> options, IStringLocalizer<SharedResource> text) : IAccountEmails
{
    public void QueuePasswordReset(Tenant tenant, EndUser user, string resetUrl) =>
        Queue(tenant, user,
            text["Email.PasswordReset.Subject", tenant.DisplayName],
            text["Email.PasswordReset.Intro", tenant.DisplayName, user.Email],
            text["ResetPassword.Title"],
            resetUrl,
            text["Email.PasswordReset.Footnote", LifetimeText.Describe(options.Value.PasswordResetTokenLifetime, text)]);

    public void QueueEmailConfirmation(Tenant tenant, EndUser user, string confirmationUrl) =>
        Queue(tenant, user,
            text["Email.Confirmation.Subject", tenant.DisplayName],
            text["Email.Confirmation.Intro", tenant.DisplayName, user.Email],
            text["Email.Confirmation.Action"],
            confirmationUrl,
            text["Email.Confirmation.Footnote"]);

    public void QueueExistingAccount(Tenant tenant, EndUser user, string resetUrl) =>
        Queue(tenant, user,
            text["Email.ExistingAccount.Subject", tenant.DisplayName],
            text["Email.ExistingAccount.Intro", tenant.DisplayName, user.Email],
            text["ResetPassword.Title"],
            resetUrl,
            text["Email.ExistingAccount.Footnote", LifetimeText.Describe(options.Value.PasswordResetTokenLifetime, text)]);

    private void Queue(Tenant tenant, EndUser user, string subject, string intro, string action, string url, string footnote)
    {
        var greeting = text["Email.Greeting", user.DisplayName].Value;
        var textBody = $"{greeting}\n\n{intro}\n\n{action}: {url}\n\n{footnote}\n\n— {tenant.DisplayName}\n";
        outbox.Enqueue(new OutgoingEmail(tenant.Id, user.Email, subject, textBody, Html(tenant, greeting, intro, action, url, footnote), tenant.DisplayName));
    }

    private static string Html(Tenant tenant, string greeting, string intro, string action, string url, string footnote)
    {
        static string E(string value) => WebUtility.HtmlEncode(value);
        var branding = tenant.Branding;
        var header = branding.LogoUrl is not null
            ? $"<img src=\"{E(branding.LogoUrl)}\" alt=\"{E(tenant.DisplayName)}\" style=\"max-height:48px;max-width:180px\">"
            : $"<strong style=\"font-size:20px;color:{branding.PrimaryColor}\">{E(tenant.DisplayName)}</strong>";
        return $"""
            <!doctype html><html><body style="margin:0;padding:24px;background:{branding.BackgroundColor};font-family:system-ui,-apple-system,Segoe UI,Roboto,sans-serif;color:#111">
            <div style="max-width:480px;margin:0 auto;background:#fff;border-radius:12px;padding:24px">
            <p style="text-align:center;margin:0 0 16px">{header}</p>
            <p>{E(greeting)}</p><p>{E(intro)}</p>
            <p style="text-align:center;margin:24px 0"><a href="{E(url)}" style="display:inline-block;padding:12px 20px;border-radius:8px;background:{branding.PrimaryColor};color:{BrandColors.TextOn(branding.PrimaryColor)};text-decoration:none;font-weight:600">{E(action)}</a></p>
            <p style="font-size:13px;color:#444;word-break:break-all">{E(url)}</p>
            <p style="font-size:13px;color:#444">{E(footnote)}</p>
            <p>— {E(tenant.DisplayName)}</p>
            </div></body></html>
            """;
    }
}
