using AlexaLinkHub.Domain.Tenants;
using AlexaLinkHub.Domain.Users;

namespace AlexaLinkHub.Application.Accounts;

public enum UserTokenPurpose
{
    PasswordReset,
    EmailConfirmation,
}

/// <summary>What a genuine account token says; the caller checks tenant, age and security stamp.</summary>
public sealed record UserTokenClaims(Guid UserId, Guid TenantId, string SecurityStamp, DateTimeOffset IssuedAt);

/// <summary>Tamper-proof, purpose-bound tokens for account emails (password reset, email confirmation), protected with
/// ASP.NET Core data protection. They carry the user's security stamp, so a reset token stops working once the password
/// has changed — it is single use.</summary>
public interface IUserTokens
{
    string Create(EndUser user, UserTokenPurpose purpose);

    UserTokenClaims? Read(string token, UserTokenPurpose purpose);
}

/// <summary>Composes the account emails (localised, with the tenant's branding) and queues them for delivery; nothing
/// is sent on the request path.</summary>
public interface IAccountEmails
{
    void QueuePasswordReset(Tenant tenant, EndUser user, string resetUrl);

    void QueueEmailConfirmation(Tenant tenant, EndUser user, string confirmationUrl);

    /// <summary>Someone tried to sign up with the email of this account: "you already have an account — reset your
    /// password?", with a reset link.</summary>
    void QueueExistingAccount(Tenant tenant, EndUser user, string resetUrl);
}

/// <summary>Configuration section <c>Accounts</c>.</summary>
public sealed class AccountOptions
{
    public const string SectionName = "Accounts";

    public TimeSpan PasswordResetTokenLifetime { get; set; } = TimeSpan.FromHours(1);
    public TimeSpan EmailConfirmationTokenLifetime { get; set; } = TimeSpan.FromDays(3);
}

internal static class AccountLinks
{
    /// <summary>An absolute link into a tenant's pages for an email: from App:PublicBaseUrl, never from a Host header.</summary>
    public static string Build(Common.Interfaces.IPublicUrls urls, string slug, string page, string token, string? returnUrl)
    {
        var url = $"{urls.TenantUrl(slug, page)}?token={Uri.EscapeDataString(token)}";
        return string.IsNullOrEmpty(returnUrl) ? url : $"{url}&returnUrl={Uri.EscapeDataString(returnUrl)}";
    }
}
