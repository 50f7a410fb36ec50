using System.Buffers.Text;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using AlexaLinkHub.Application.Admins;
using AlexaLinkHub.Domain.Admins;
using Microsoft.AspNetCore.DataProtection;

namespace AlexaLinkHub.Infrastructure.Identity;

/// <summary>Admin invitation and password-reset tokens, protected (encrypted and authenticated) by ASP.NET Core data
/// protection with a purpose each, so no end-user token — and no token of the other kind — can pass for one. Expiry is
/// decided by the caller's clock.</summary>
internal sealed class AdminTokens(IDataProtectionProvider protection, TimeProvider clock) : IAdminTokens
{
    private const string Invitation = "Invitation";
    private const string PasswordReset = "PasswordReset";

    public string CreateInvitation(AdminUser admin) => Create(admin, Invitation);

    public AdminTokenClaims? ReadInvitation(string token) => Read(token, Invitation);

    public string CreatePasswordReset(AdminUser admin) => Create(admin, PasswordReset);

    public AdminTokenClaims? ReadPasswordReset(string token) => Read(token, PasswordReset);

    private string Create(AdminUser admin, string purpose)
    {
        var payload = string.Join('|', "v1", admin.Id.ToString("N"), admin.SecurityStamp, clock.GetUtcNow().UtcTicks.ToString(CultureInfo.InvariantCulture));
        return Base64Url.EncodeToString(Protector(purpose).Protect(Encoding.UTF8.GetBytes(payload)));
    }

    private AdminTokenClaims? Read(string token, string purpose)
    {
        try
        {
            var parts = Encoding.UTF8.GetString(Protector(purpose).Unprotect(Base64Url.DecodeFromChars(token))).Split('|');
            if (parts is not ["v1", var admin, var stamp, var ticks])
                return null;
            return new AdminTokenClaims(Guid.ParseExact(admin, "N"), stamp, new DateTimeOffset(long.Parse(ticks, CultureInfo.InvariantCulture), TimeSpan.Zero));
        }
        catch (Exception ex) when (ex is CryptographicException or FormatException or ArgumentException or OverflowException)
        {
            return null; // tampered, truncated, another purpose, or from another deployment
        }
    }

    private IDataProtector Protector(string purpose) => protection.CreateProtector("AlexaLinkHub.AdminTokens", purpose);
}
