using AlexaLinkHub.Application.Common.Exceptions;
using AlexaLinkHub.Application.Common.Interfaces;
using AlexaLinkHub.Application.Common.Tenancy;
using AlexaLinkHub.Domain.Audit;
using Mediator;

namespace AlexaLinkHub.Application.Skills;

/// <summary>Replaces a skill's configuration (PUT semantics). The client_id and secret do not change here.</summary>
public sealed record UpdateSkill : ICommand<SkillDto>, ITenantAdminRequest, ISkillSettings
{
    public required string ClientId { get; init; }
    public required string Name { get; init; }
    public required string GrantType { get; init; }
    public IReadOnlyList<SkillScopeDto>? Scopes { get; init; }
    public IReadOnlyList<string>? Domains { get; init; }
    public IReadOnlyList<string>? RedirectUrls { get; init; }
    public int? AccessTokenLifetimeSeconds { get; init; }
    public int? RefreshTokenLifetimeSeconds { get; init; }
}

public sealed class UpdateSkillValidator : FluentValidation.AbstractValidator<UpdateSkill>
{
    public UpdateSkillValidator() => Include(new SkillSettingsRules<UpdateSkill>());
}

public sealed class UpdateSkillHandler(ISkillRepository skills, ITenantContext scope, IAuditLog audit, IPublicUrls urls, TimeProvider clock)
    : ICommandHandler<UpdateSkill, SkillDto>
{
    public async ValueTask<SkillDto> Handle(UpdateSkill command, CancellationToken cancellationToken)
    {
        var skill = await skills.FindByClientIdAsync(command.ClientId, cancellationToken) ?? throw new NotFoundException("Skill not found.");
        var now = clock.GetUtcNow();
        skill.Update(command.Name, command.ParsedGrantType(), command.ParsedScopes(), command.Domains ?? [], command.RedirectUrls ?? [], command.ParsedLifetime(), now, command.ParsedRefreshLifetime());
        audit.Record(AuditActions.SkillUpdated, AuditTarget.Skill(skill.ClientId), SkillAudit.Describe(skill));
        return SkillDto.From(skill, scope.TenantSlug!, urls, now);
    }
}
