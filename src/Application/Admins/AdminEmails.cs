using System.Net;
using AlexaLinkHub.Application.Common.Interfaces;
using AlexaLinkHub.Application.Common.Models;
using AlexaLinkHub.Domain.Tenants;

namespace AlexaLinkHub.Application.Admins;

/// <summary>The emails the admin area sends to vendor staff (in English, like the admin UI). Never a password.</summary>
internal static class AdminEmails
{
    public static OutgoingEmail Invitation(Tenant tenant, string to, string link, TimeSpan lifetime) => Compose(
        tenant.Id, to,
        $"You are invited to administer {tenant.DisplayName} on AlexaLinkHub",
        $"You have been invited to administer {tenant.DisplayName} ({tenant.Slug}): its Alexa skills, branding, users and tokens.",
        "Choose your password",
        link,
        $"The link works once and expires in {Lifetime.Of(lifetime)}. If you did not expect this invitation, ignore this email.");

    public static OutgoingEmail MembershipAdded(Tenant tenant, string to, string link) => Compose(
        tenant.Id, to,
        $"You can now administer {tenant.DisplayName} on AlexaLinkHub",
        $"Your admin account now also gives you access to {tenant.DisplayName} ({tenant.Slug}). Sign in with your existing password.",
        $"Open {tenant.DisplayName}",
        link,
        "If you did not expect this, tell the person who added you.");

    /// <summary>A "forgot password" link. Not a tenant's email: an admin may belong to several tenants, or to none.</summary>
    public static OutgoingEmail PasswordReset(string to, string link, TimeSpan lifetime) => Compose(
        null, to,
        "Reset your AlexaLinkHub admin password",
        "Someone (hopefully you) asked to reset the password of your AlexaLinkHub admin account.",
        "Choose a new password",
        link,
        $"The link works once and expires in {Lifetime.Of(lifetime)}. If you did not ask for it, ignore this email: your password stays as it is.");

    private static OutgoingEmail Compose(Guid? tenantId, string to, string subject, string intro, string action, string link, string footnote)
    {
        static string E(string value) => WebUtility.HtmlEncode(value);
        var text = $"Hello,\n\n{intro}\n\n{action}: {link}\n\n{footnote}\n\n— AlexaLinkHub\n";
        var html = $"""
            <!doctype html><html><body style="margin:0;padding:24px;font-family:system-ui,-apple-system,Segoe UI,Roboto,sans-serif;color:#111">
            <div style="max-width:520px;margin:0 auto">
            <p>Hello,</p><p>{E(intro)}</p>
            <p style="margin:24px 0"><a href="{E(link)}" style="display:inline-block;padding:12px 20px;border-radius:8px;background:#1f3a5f;color:#fff;text-decoration:none;font-weight:600">{E(action)}</a></p>
            <p style="font-size:13px;color:#444;word-break:break-all">{E(link)}</p>
            <p style="font-size:13px;color:#444">{E(footnote)}</p>
            <p>— AlexaLinkHub</p>
            </div></body></html>
            """;
        return new OutgoingEmail(tenantId, to, subject, text, html, "AlexaLinkHub");
    }
}
