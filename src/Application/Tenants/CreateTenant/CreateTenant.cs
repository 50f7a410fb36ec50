using AlexaLinkHub.Application.Common.Interfaces;
using Mediator;

namespace AlexaLinkHub.Application.Tenants;

public sealed record CreateTenant : ICommand<TenantDto>, IPlatformAdminRequest
{
    public required string Slug { get; init; }
    public required string DisplayName { get; init; }
}

public sealed class CreateTenantHandler(TenantRegistration registration, IPublicUrls urls)
    : ICommandHandler<CreateTenant, TenantDto>
{
    public async ValueTask<TenantDto> Handle(CreateTenant command, CancellationToken cancellationToken) =>
        TenantDto.From(await registration.RegisterAsync(command.Slug, command.DisplayName, cancellationToken), urls);
}
