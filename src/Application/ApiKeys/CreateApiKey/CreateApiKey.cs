using AlexaLinkHub.Application.Common.Behaviours;
using AlexaLinkHub.Application.Common.Interfaces;
using AlexaLinkHub.Application.Common.Security;
using AlexaLinkHub.Application.Common.Tenancy;
using AlexaLinkHub.Domain.Admins;
using AlexaLinkHub.Domain.Audit;
using FluentValidation;
using Mediator;

namespace AlexaLinkHub.Application.ApiKeys;

/// <summary>Creates a key scoped to the tenant in scope, as an <c>admin</c> (the default) or a <c>viewer</c> (reads only).</summary>
public sealed record CreateApiKey : ICommand<CreatedApiKeyDto>, ITenantAdminRequest, IStepUpRequest
{
    public required string Name { get; init; }

    public string? Role { get; init; }
}

public sealed class CreateApiKeyValidator : AbstractValidator<CreateApiKey>
{
    public CreateApiKeyValidator()
    {
        RuleFor(x => x.Name).SatisfiesDomain(name => ApiKey.ValidateName(name));
        RuleFor(x => x.Role).SatisfiesDomain(role => ApiKey.ValidateRole(AdminRoles.ParseKeyRole(role)));
    }
}

public sealed class CreateApiKeyHandler(IApiKeyRepository keys, ITenantContext scope, IAuditLog audit, TimeProvider clock)
    : ICommandHandler<CreateApiKey, CreatedApiKeyDto>
{
    public ValueTask<CreatedApiKeyDto> Handle(CreateApiKey command, CancellationToken cancellationToken)
    {
        var secret = SecretTokens.NewApiKey();
        var key = ApiKey.CreateTenantKey(scope.RequiredTenantId, command.Name, AdminRoles.ParseKeyRole(command.Role),
            SecretTokens.DisplayPrefix(secret), SecretTokens.Hash(secret), clock.GetUtcNow());
        keys.Add(key);
        audit.Record(AuditActions.ApiKeyCreated, AuditTarget.ApiKey(key.Prefix), AuditDetails.Of("name", key.Name).And("role", key.Role.Name()));
        return ValueTask.FromResult(new CreatedApiKeyDto(key.Id, key.Name, key.Prefix, key.Role.Name(), secret, key.CreatedAt));
    }
}
