using AlexaLinkHub.Application.Common.Tenancy;
using AlexaLinkHub.Application.Users;
using AlexaLinkHub.Domain.Users;

namespace AlexaLinkHub.Application.Accounts;

internal static class AccountTokenCheck
{
    /// <summary>The enabled user of the tenant in scope that a genuine, unexpired token of this purpose names.</summary>
    public static async Task<EndUser?> UserForAsync(
        IUserTokens tokens, IEndUserRepository users, ITenantContext scope, TimeProvider clock,
        string token, UserTokenPurpose purpose, TimeSpan lifetime, bool checkStamp, CancellationToken cancellationToken)
    {
        var claims = string.IsNullOrWhiteSpace(token) ? null : tokens.Read(token, purpose);
        if (claims is null || claims.TenantId != scope.TenantId)
            return null;
        var age = clock.GetUtcNow() - claims.IssuedAt;
        if (age < TimeSpan.Zero || age > lifetime)
            return null;
        var user = await users.FindByIdAsync(claims.UserId, cancellationToken);
        if (user is not { Enabled: true })
            return null;
        return !checkStamp || string.Equals(user.SecurityStamp, claims.SecurityStamp, StringComparison.Ordinal) ? user : null;
    }
}
