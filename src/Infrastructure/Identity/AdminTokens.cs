using System.Buffers.Text;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using AlexaLinkHub.Application.Admins;
using AlexaLinkHub.Domain.Admins;
using Microsoft.AspNetCore.DataProtection;

namespace AlexaLinkHub.Infrastructure.Identity;

/// <summary>Admin invitation tokens, protected (encrypted and authenticated) by ASP.NET Core data protection with a
/// purpose of their own, so no end-user token can pass for one. Expiry is decided by the caller's clock.</summary>
internal sealed class AdminTokens(IDataProtectionProvider protection, TimeProvider clock) : IAdminTokens
{
    public string CreateInvitation(AdminUser admin)
    {
        var payload = string.Join('|', "v1", admin.Id.ToString("N"), admin.SecurityStamp, clock.GetUtcNow().UtcTicks.ToString(CultureInfo.InvariantCulture));
        return Base64Url.EncodeToString(Protector().Protect(Encoding.UTF8.GetBytes(payload)));
    }

    public AdminTokenClaims? ReadInvitation(string token)
    {
        try
        {
            var parts = Encoding.UTF8.GetString(Protector().Unprotect(Base64Url.DecodeFromChars(token))).Split('|');
            if (parts is not ["v1", var admin, var stamp, var ticks])
                return null;
            return new AdminTokenClaims(Guid.ParseExact(admin, "N"), stamp, new DateTimeOffset(long.Parse(ticks, CultureInfo.InvariantCulture), TimeSpan.Zero));
        }
        catch (Exception ex) when (ex is CryptographicException or FormatException or ArgumentException or OverflowException)
        {
            return null; // tampered, truncated, another purpose, or from another deployment
        }
    }

    private IDataProtector Protector() => protection.CreateProtector("AlexaLinkHub.AdminTokens", "Invitation");
}
