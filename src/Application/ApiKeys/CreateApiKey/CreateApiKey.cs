using AlexaLinkHub.Application.Common.Behaviours;
using AlexaLinkHub.Application.Common.Interfaces;
using AlexaLinkHub.Application.Common.Security;
using AlexaLinkHub.Application.Common.Tenancy;
using AlexaLinkHub.Domain.Admins;
using AlexaLinkHub.Domain.Audit;
using FluentValidation;
using Mediator;

namespace AlexaLinkHub.Application.ApiKeys;

/// <summary>Creates a key scoped to the tenant in scope.</summary>
public sealed record CreateApiKey : ICommand<CreatedApiKeyDto>, ITenantAdminRequest, IStepUpRequest
{
    public required string Name { get; init; }
}

public sealed class CreateApiKeyValidator : AbstractValidator<CreateApiKey>
{
    public CreateApiKeyValidator() =>
        RuleFor(x => x.Name).SatisfiesDomain(name => ApiKey.ValidateName(name));
}

public sealed class CreateApiKeyHandler(IApiKeyRepository keys, ITenantContext scope, IAuditLog audit, TimeProvider clock)
    : ICommandHandler<CreateApiKey, CreatedApiKeyDto>
{
    public ValueTask<CreatedApiKeyDto> Handle(CreateApiKey command, CancellationToken cancellationToken)
    {
        var secret = SecretTokens.NewApiKey();
        var key = ApiKey.CreateTenantKey(scope.RequiredTenantId, command.Name, SecretTokens.DisplayPrefix(secret), SecretTokens.Hash(secret), clock.GetUtcNow());
        keys.Add(key);
        audit.Record(AuditActions.ApiKeyCreated, AuditTarget.ApiKey(key.Prefix), AuditDetails.Of("name", key.Name));
        return ValueTask.FromResult(new CreatedApiKeyDto(key.Id, key.Name, key.Prefix, secret, key.CreatedAt));
    }
}
