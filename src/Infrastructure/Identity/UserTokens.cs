using System.Buffers.Text;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using AlexaLinkHub.Application.Accounts;
using AlexaLinkHub.Domain.Users;
using Microsoft.AspNetCore.DataProtection;

namespace AlexaLinkHub.Infrastructure.Identity;

/// <summary>Account tokens protected (encrypted and authenticated) by ASP.NET Core data protection, whose keys are in
/// the database, so any instance can read a token another issued. The purpose is part of the protector, so a
/// confirmation token can never be used as a reset token. Expiry is decided by the caller's clock.</summary>
internal sealed class UserTokens(IDataProtectionProvider protection, TimeProvider clock) : IUserTokens
{
    public string Create(EndUser user, UserTokenPurpose purpose)
    {
        var payload = string.Join('|', "v1", user.Id.ToString("N"), user.TenantId.ToString("N"), user.SecurityStamp,
            clock.GetUtcNow().UtcTicks.ToString(CultureInfo.InvariantCulture));
        return Base64Url.EncodeToString(Protector(purpose).Protect(Encoding.UTF8.GetBytes(payload)));
    }

    public UserTokenClaims? Read(string token, UserTokenPurpose purpose)
    {
        try
        {
            var bytes = Protector(purpose).Unprotect(Base64Url.DecodeFromChars(token));
            var parts = Encoding.UTF8.GetString(bytes).Split('|');
            if (parts is not ["v1", var user, var tenant, var stamp, var ticks])
                return null;
            return new UserTokenClaims(
                Guid.ParseExact(user, "N"),
                Guid.ParseExact(tenant, "N"),
                stamp,
                new DateTimeOffset(long.Parse(ticks, CultureInfo.InvariantCulture), TimeSpan.Zero));
        }
        catch (Exception ex) when (ex is CryptographicException or FormatException or ArgumentException or OverflowException)
        {
            return null; // tampered, truncated, another purpose, or from another deployment
        }
    }

    private IDataProtector Protector(UserTokenPurpose purpose) => protection.CreateProtector("AlexaLinkHub.UserTokens", purpose.ToString());
}
