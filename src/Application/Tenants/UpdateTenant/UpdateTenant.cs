using AlexaLinkHub.Application.Common.Interfaces;
using AlexaLinkHub.Domain.Tenants;
using Mediator;

namespace AlexaLinkHub.Application.Tenants;

/// <summary>A partial update (what PATCH means): each part present is applied by its own command, all in one
/// transaction, so a part the caller may not change (status, for a tenant admin) leaves nothing half-written.</summary>
public sealed record UpdateTenant : ICommand<TenantDto>, ITenantAdminRequest
{
    public string? DisplayName { get; init; }
    public string? Status { get; init; }
    public UpdateTenantBranding? Branding { get; init; }
    public UpdateTenantTexts? Texts { get; init; }
    public bool? SignUpEnabled { get; init; }
    public bool? EmailConfirmationRequired { get; init; }
    public bool? AdminsMustUseMfa { get; init; }
}

public sealed class UpdateTenantHandler(ISender sender) : ICommandHandler<UpdateTenant, TenantDto>
{
    public async ValueTask<TenantDto> Handle(UpdateTenant command, CancellationToken cancellationToken)
    {
        if (command.Status is not null)
        {
            TenantStatusNames.TryParse(command.Status, out var status);
            if (status == TenantStatus.Suspended)
                await sender.Send(new SuspendTenant(), cancellationToken);
            else
                await sender.Send(new ReactivateTenant(), cancellationToken);
        }

        if (command.DisplayName is not null)
            await sender.Send(new RenameTenant { DisplayName = command.DisplayName }, cancellationToken);

        if (command.Branding is not null)
            await sender.Send(command.Branding, cancellationToken);

        if (command.Texts is not null)
            await sender.Send(command.Texts, cancellationToken);

        if (command.SignUpEnabled is not null || command.EmailConfirmationRequired is not null)
            await sender.Send(new UpdateSignUpSettings(command.SignUpEnabled, command.EmailConfirmationRequired), cancellationToken);

        if (command.AdminsMustUseMfa is { } mfa)
            await sender.Send(new RequireAdminMfa(mfa), cancellationToken);

        return await sender.Send(new GetTenant(), cancellationToken);
    }
}
