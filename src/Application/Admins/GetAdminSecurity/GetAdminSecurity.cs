using AlexaLinkHub.Application.Common.Exceptions;
using AlexaLinkHub.Application.Common.Interfaces;
using AlexaLinkHub.Domain.Admins;
using Mediator;

namespace AlexaLinkHub.Application.Admins;

/// <summary>The signed-in admin's second factors, for <c>/admin/account/security</c>: never a secret, except the pending
/// authenticator secret the admin is enrolling (shown to them as QR code and text until confirmed).</summary>
public sealed record GetAdminSecurity : IQuery<AdminSecurityDto>, IAdminAccountRequest;

public sealed record AdminSecurityDto(
    string Email,
    bool HasTotp,
    PendingTotpDto? PendingTotp,
    int RecoveryCodesLeft,
    IReadOnlyList<PasskeyDto> Passkeys,
    bool MfaRequired);

public sealed record PendingTotpDto(string Base32Secret, string EnrolmentUri);

public sealed record PasskeyDto(Guid Id, string Name, DateTimeOffset CreatedAt, DateTimeOffset? LastUsedAt);

public sealed class GetAdminSecurityHandler(IAdminUserRepository admins, ICurrentActor actor, ITotp totp, IAdminMfaPolicy mfa)
    : IQueryHandler<GetAdminSecurity, AdminSecurityDto>
{
    public async ValueTask<AdminSecurityDto> Handle(GetAdminSecurity query, CancellationToken cancellationToken)
    {
        var admin = await CurrentAdmin.LoadAsync(admins, actor, cancellationToken);
        PendingTotpDto? pending = null;
        if (admin.PendingTotpSecret is { } secret)
        {
            var base32 = totp.Reveal(secret);
            pending = new PendingTotpDto(base32, totp.EnrolmentUri(base32, admin.Email));
        }
        return new AdminSecurityDto(
            admin.Email,
            admin.HasTotp,
            pending,
            admin.RecoveryCodesLeft,
            admin.Passkeys.OrderBy(p => p.CreatedAt).Select(p => new PasskeyDto(p.Id, p.Name, p.CreatedAt, p.LastUsedAt)).ToList(),
            await mfa.IsRequiredAsync(admin, cancellationToken));
    }
}

internal static class CurrentAdmin
{
    /// <summary>The admin of the UI session (the authorization behaviour made sure there is one).</summary>
    public static async Task<AdminUser> LoadAsync(IAdminUserRepository admins, ICurrentActor actor, CancellationToken cancellationToken) =>
        await admins.FindByIdAsync(actor.AdminId ?? Guid.Empty, cancellationToken) ?? throw new NotFoundException("Admin not found.");
}
