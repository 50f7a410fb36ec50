using AlexaLinkHub.Application.Admins;
using AlexaLinkHub.Application.Common.Interfaces;
using AlexaLinkHub.Domain.Admins;
using Mediator;

namespace AlexaLinkHub.Application.Tenants;

/// <summary>A platform admin creates a tenant and, optionally, invites its first owner by email — both or neither (one
/// transaction): a tenant is never left without the admin it was meant to have.</summary>
public sealed record OnboardTenant : ICommand<TenantDto>, IPlatformAdminRequest
{
    public required string Slug { get; init; }
    public required string DisplayName { get; init; }
    public string? AdminEmail { get; init; }
}

public sealed class OnboardTenantHandler(TenantRegistration registration, AdminInvitations invitations, IPublicUrls urls) : ICommandHandler<OnboardTenant, TenantDto>
{
    public async ValueTask<TenantDto> Handle(OnboardTenant command, CancellationToken cancellationToken)
    {
        var tenant = await registration.RegisterAsync(command.Slug, command.DisplayName, cancellationToken);
        if (!string.IsNullOrWhiteSpace(command.AdminEmail))
            await invitations.InviteAsync(tenant, command.AdminEmail.Trim(), AdminRole.Owner, cancellationToken);
        return TenantDto.From(tenant, urls);
    }
}
