using AlexaLinkHub.Application.Common.Interfaces;
using Mediator;

namespace AlexaLinkHub.Application.Admins;

/// <summary>Begins setting up an authenticator app: a new secret is kept pending (protected) until the admin types a
/// code it shows (<see cref="ConfirmTotpEnrolment"/>). Returns what to show: the secret and its otpauth URI.</summary>
public sealed record StartTotpEnrolment : ICommand<PendingTotpDto>, IAdminAccountRequest;

public sealed class StartTotpEnrolmentHandler(IAdminUserRepository admins, ICurrentActor actor, ITotp totp) : ICommandHandler<StartTotpEnrolment, PendingTotpDto>
{
    public async ValueTask<PendingTotpDto> Handle(StartTotpEnrolment command, CancellationToken cancellationToken)
    {
        var admin = await CurrentAdmin.LoadAsync(admins, actor, cancellationToken);
        var secret = totp.NewSecret();
        admin.BeginTotpEnrolment(secret.Protected);
        return new PendingTotpDto(secret.Base32, totp.EnrolmentUri(secret.Base32, admin.Email));
    }
}
