using AlexaLinkHub.Application.Common.Behaviours;
using AlexaLinkHub.Application.Common.Exceptions;
using AlexaLinkHub.Application.Common.Interfaces;
using AlexaLinkHub.Application.Common.Tenancy;
using AlexaLinkHub.Domain.Audit;
using AlexaLinkHub.Domain.Tenants;
using FluentValidation;
using Mediator;

namespace AlexaLinkHub.Application.Tenants;

public sealed record BrandingTextInput(string? LoginHeading, string? LoginHelp, string? SupportMessage);

/// <summary>Sets the tenant's page texts of each language given (all fields blank removes that language's texts);
/// languages not given keep theirs — a merge, as PATCH means.</summary>
public sealed record UpdateTenantTexts : ICommand, ITenantAdminRequest
{
    public required IReadOnlyDictionary<string, BrandingTextInput?> Texts { get; init; }

    public IReadOnlyList<BrandingText> ToTexts() => [.. Texts.Select(t => ToText(t.Key, t.Value))];

    internal static BrandingText ToText(string language, BrandingTextInput? input) =>
        BrandingText.Create(language, input?.LoginHeading, input?.LoginHelp, input?.SupportMessage);
}

public sealed class UpdateTenantTextsValidator : AbstractValidator<UpdateTenantTexts>
{
    public UpdateTenantTextsValidator() =>
        RuleForEach(x => x.Texts).SatisfiesDomain(t => UpdateTenantTexts.ToText(t.Key, t.Value));
}

public sealed class UpdateTenantTextsHandler(ITenantRepository tenants, ITenantContext scope, IAuditLog audit) : ICommandHandler<UpdateTenantTexts>
{
    public async ValueTask<Unit> Handle(UpdateTenantTexts command, CancellationToken cancellationToken)
    {
        var tenant = await tenants.FindByIdAsync(scope.RequiredTenantId, cancellationToken) ?? throw new NotFoundException("Tenant not found.");
        var texts = command.ToTexts();
        tenant.ChangeTexts(texts);
        // The languages changed, not the words: a vendor's texts are theirs to read on the page, not in the trail.
        audit.Record(AuditActions.TenantTextsUpdated, AuditTarget.Tenant(tenant.Slug), AuditDetails.Of("languages", texts.Select(t => t.Language)));
        return Unit.Value;
    }
}
