using AlexaLinkHub.Application.Common.Exceptions;
using AlexaLinkHub.Application.Common.Interfaces;
using Mediator;

namespace AlexaLinkHub.Application.Users;

public sealed record GetEndUser(Guid Id) : IQuery<EndUserDto>, ITenantAdminRequest;

public sealed class GetEndUserHandler(IEndUserRepository users) : IQueryHandler<GetEndUser, EndUserDto>
{
    public async ValueTask<EndUserDto> Handle(GetEndUser query, CancellationToken cancellationToken) =>
        EndUserDto.From(await users.FindByIdAsync(query.Id, cancellationToken) ?? throw new NotFoundException("User not found."));
}
