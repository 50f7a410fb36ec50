using AlexaLinkHub.Application.Common.Exceptions;
using AlexaLinkHub.Application.Common.Interfaces;
using AlexaLinkHub.Domain.Audit;
using AlexaLinkHub.Domain.Tenants;
using Mediator;

namespace AlexaLinkHub.Application.Tenants;

public sealed record CreateTenant : ICommand<TenantDto>, IPlatformAdminRequest
{
    public required string Slug { get; init; }
    public required string DisplayName { get; init; }
}

public sealed class CreateTenantHandler(ITenantRepository tenants, IAuditLog audit, IPublicUrls urls, TimeProvider clock)
    : ICommandHandler<CreateTenant, TenantDto>
{
    public async ValueTask<TenantDto> Handle(CreateTenant command, CancellationToken cancellationToken)
    {
        var slug = command.Slug.Trim();
        if (await tenants.SlugExistsAsync(slug, cancellationToken))
            throw new ConflictException($"The slug '{slug}' is taken.", "slug");

        var tenant = Tenant.Create(slug, command.DisplayName, clock.GetUtcNow());
        tenants.Add(tenant);
        audit.Record(AuditActions.TenantCreated, $"tenant:{tenant.Slug}", $"displayName={tenant.DisplayName}", tenant.Id);
        return TenantDto.From(tenant, urls);
    }
}
