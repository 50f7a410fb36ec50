using AlexaLinkHub.Application.Common.Exceptions;
using AlexaLinkHub.Application.Common.Interfaces;
using AlexaLinkHub.Application.Common.Security;
using AlexaLinkHub.Application.Common.Tenancy;
using AlexaLinkHub.Domain.Audit;
using AlexaLinkHub.Domain.Skills;
using Mediator;

namespace AlexaLinkHub.Application.Skills;

public sealed record RegisterSkill : ICommand<RegisteredSkillDto>, ITenantAdminRequest, ISkillSettings
{
    /// <summary>Vendor-chosen client_id; generated when absent.</summary>
    public string? ClientId { get; init; }
    public required string Name { get; init; }
    public required string GrantType { get; init; }
    public IReadOnlyList<SkillScopeDto>? Scopes { get; init; }
    public IReadOnlyList<string>? Domains { get; init; }
    public IReadOnlyList<string>? RedirectUrls { get; init; }
    public int? AccessTokenLifetimeSeconds { get; init; }
    public int? RefreshTokenLifetimeSeconds { get; init; }
}

public sealed class RegisterSkillHandler(ISkillRepository skills, ITenantContext scope, IAuditLog audit, IPublicUrls urls, TimeProvider clock)
    : ICommandHandler<RegisterSkill, RegisteredSkillDto>
{
    public async ValueTask<RegisteredSkillDto> Handle(RegisterSkill command, CancellationToken cancellationToken)
    {
        var clientId = string.IsNullOrWhiteSpace(command.ClientId) ? Domain.Skills.ClientId.Generate() : command.ClientId;
        if (await skills.ClientIdExistsAsync(clientId, cancellationToken))
            throw new ConflictException($"The client_id '{clientId}' is already registered.", "clientId");

        var now = clock.GetUtcNow();
        var secret = SecretTokens.NewClientSecret();
        var skill = Skill.Register(
            scope.RequiredTenantId,
            command.Name,
            clientId,
            command.ParsedGrantType(),
            command.ParsedScopes(),
            command.Domains ?? [],
            command.RedirectUrls ?? [],
            command.ParsedLifetime(),
            SecretTokens.Hash(secret),
            now,
            command.ParsedRefreshLifetime());
        skills.Add(skill);
        audit.Record(AuditActions.SkillRegistered, AuditTarget.Skill(skill.ClientId), SkillAudit.Describe(skill));
        return new RegisteredSkillDto(SkillDto.From(skill, scope.TenantSlug!, urls, now), secret);
    }
}
