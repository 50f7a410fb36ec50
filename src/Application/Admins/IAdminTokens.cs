using AlexaLinkHub.Domain.Admins;

namespace AlexaLinkHub.Application.Admins;

/// <summary>What a genuine invitation token says; the caller checks age and security stamp.</summary>
public sealed record AdminTokenClaims(Guid AdminId, string SecurityStamp, DateTimeOffset IssuedAt);

/// <summary>Tamper-proof invitation tokens (ASP.NET Core data protection). They carry the admin's security stamp, so
/// choosing a password — which changes it — makes the invitation single use.</summary>
public interface IAdminTokens
{
    string CreateInvitation(AdminUser admin);

    AdminTokenClaims? ReadInvitation(string token);
}
