using AlexaLinkHub.Application.Admins;
using AlexaLinkHub.Application.Common.Interfaces;
using AlexaLinkHub.Application.Common.Tenancy;
using Mediator;

namespace AlexaLinkHub.Application.Tenants;

/// <summary>A platform admin creates a tenant and, optionally, invites its first admin by email — both or neither (one
/// transaction): a tenant is never left without the admin it was meant to have.</summary>
public sealed record OnboardTenant : ICommand<TenantDto>, IPlatformAdminRequest
{
    public required string Slug { get; init; }
    public required string DisplayName { get; init; }
    public string? AdminEmail { get; init; }
}

public sealed class OnboardTenantHandler(ISender sender, ITenantContext scope) : ICommandHandler<OnboardTenant, TenantDto>
{
    public async ValueTask<TenantDto> Handle(OnboardTenant command, CancellationToken cancellationToken)
    {
        var tenant = await sender.Send(new CreateTenant { Slug = command.Slug, DisplayName = command.DisplayName }, cancellationToken);
        if (!string.IsNullOrWhiteSpace(command.AdminEmail))
        {
            scope.EnterTenant(tenant.Id, tenant.Slug);
            await sender.Send(new InviteAdmin { Email = command.AdminEmail }, cancellationToken);
        }
        return tenant;
    }
}
