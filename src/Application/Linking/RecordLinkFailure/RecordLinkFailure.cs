using AlexaLinkHub.Application.Common.Interfaces;
using AlexaLinkHub.Domain.Audit;
using Mediator;

namespace AlexaLinkHub.Application.Linking;

/// <summary>Records a link attempt that ended without a link (the user cancelled, or the request was invalid).</summary>
public sealed record RecordLinkFailure(string Reason, string? ClientId, string? Detail = null) : ICommand, ITenantPublicRequest;

public sealed class RecordLinkFailureHandler(IAuditLog audit, ICurrentActor actor, Common.Tenancy.ITenantContext scope) : ICommandHandler<RecordLinkFailure>
{
    public ValueTask<Unit> Handle(RecordLinkFailure command, CancellationToken cancellationToken)
    {
        var target = actor.EndUserId is { } id ? AuditTarget.User(id) : AuditTarget.UnknownUser;
        var clientId = command.ClientId is { Length: > 200 } ? command.ClientId[..200] : command.ClientId;
        Common.Telemetry.LinkHubMetrics.LinkFailed(scope.TenantSlug, command.Reason);
        var details = AuditDetails.Of("reason", command.Reason).And("clientId", clientId);
        audit.Record(AuditActions.LinkFailed, target, command.Detail is null ? details : details.And("detail", command.Detail));
        return ValueTask.FromResult(Unit.Value);
    }
}
