using AlexaLinkHub.Domain.Admins;

namespace AlexaLinkHub.Application.Admins;

/// <summary>What a genuine invitation token says; the caller checks age and security stamp.</summary>
public sealed record AdminTokenClaims(Guid AdminId, string SecurityStamp, DateTimeOffset IssuedAt);

/// <summary>Tamper-proof invitation and password-reset tokens (ASP.NET Core data protection, one purpose each: neither
/// passes for the other). They carry the admin's security stamp, so choosing a password — which changes it — makes
/// them single use.</summary>
public interface IAdminTokens
{
    string CreateInvitation(AdminUser admin);

    AdminTokenClaims? ReadInvitation(string token);

    string CreatePasswordReset(AdminUser admin);

    AdminTokenClaims? ReadPasswordReset(string token);
}
