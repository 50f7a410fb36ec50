using AlexaLinkHub.Application.Common.Exceptions;
using AlexaLinkHub.Application.Common.Interfaces;
using AlexaLinkHub.Application.Common.Security;
using AlexaLinkHub.Application.Common.Tenancy;
using AlexaLinkHub.Domain.Audit;
using AlexaLinkHub.Domain.Users;
using Mediator;

namespace AlexaLinkHub.Application.Users;

public sealed record CreateEndUser : ICommand<EndUserDto>, ITenantAdminRequest, ISingleSaveCommand
{
    public required string Email { get; init; }
    public required string Password { get; init; }
    public required string DisplayName { get; init; }
    public string? ExternalId { get; init; }
}

public sealed class CreateEndUserHandler(IEndUserRepository users, ITenantContext scope, IPasswordHasher hasher, IAuditLog audit, TimeProvider clock)
    : ICommandHandler<CreateEndUser, EndUserDto>
{
    public async ValueTask<EndUserDto> Handle(CreateEndUser command, CancellationToken cancellationToken)
    {
        if (await users.FindByEmailAsync(command.Email, cancellationToken) is not null)
            throw new ConflictException("A user with this email already exists.", "email");
        if (!string.IsNullOrWhiteSpace(command.ExternalId) && await users.ExternalIdExistsAsync(command.ExternalId.Trim(), cancellationToken))
            throw new ConflictException("A user with this externalId already exists.", "externalId");

        var user = EndUser.Create(scope.RequiredTenantId, command.Email, command.DisplayName, hasher.Hash(command.Password), command.ExternalId, clock.GetUtcNow());
        users.Add(user);
        audit.Record(AuditActions.UserCreated, AuditTarget.User(user.Id), user.ExternalId is null ? null : AuditDetails.Of("externalId", user.ExternalId));
        return EndUserDto.From(user);
    }
}
