using AlexaLinkHub.Application.Admins;
using AlexaLinkHub.Application.Common.Exceptions;
using AlexaLinkHub.Application.Common.Interfaces;
using AlexaLinkHub.Application.Common.Tenancy;
using AlexaLinkHub.Domain.Admins;
using Mediator;
using Microsoft.Extensions.Options;

namespace AlexaLinkHub.Application.Common.Behaviours;

/// <summary>Enforces the message's audience before anything runs, and refuses a message that declares none; then, for a
/// dangerous action (<see cref="IStepUpRequest"/>), that an admin of the UI proved who they are recently. A tenant admin
/// asking about another tenant gets "not found", never "forbidden": we do not confirm that the other tenant exists. Inside
/// their own tenant a viewer sends queries only (a command is refused before its handler runs), and team management
/// (<see cref="ITenantOwnerRequest"/>) is for owners.</summary>
public sealed class AuthorizationBehaviour<TMessage, TResponse>(ICurrentActor actor, ITenantContext tenant, IOptions<AdminSecurityOptions> security, TimeProvider clock)
    : IPipelineBehavior<TMessage, TResponse>
    where TMessage : IMessage
{
    public ValueTask<TResponse> Handle(TMessage message, MessageHandlerDelegate<TMessage, TResponse> next, CancellationToken cancellationToken)
    {
        if (message is not IRequestAudience)
            throw new InvalidOperationException($"{typeof(TMessage).Name} declares no audience (an IRequestAudience marker), so nobody may send it.");
        if (message is ITenantAdminRequest or IEndUserRequest or ITenantPublicRequest or IOAuthClientRequest && tenant.TenantId is null)
            throw new InvalidOperationException($"{typeof(TMessage).Name} needs a tenant in scope.");

        Exception? refusal = message switch
        {
            IPlatformAdminRequest when !actor.IsPlatformAdmin => new ForbiddenException("This action needs a platform admin."),
            ITenantAdminRequest when !actor.CanAdminister(tenant.TenantId!.Value) => new NotFoundException("Tenant not found."),
            ITenantAdminRequest and IBaseCommand when actor.RoleIn(tenant.TenantId!.Value) is not (AdminRole.Owner or AdminRole.Admin)
                => new ForbiddenException("A viewer sees everything and changes nothing: ask an owner or admin of this tenant."),
            ITenantOwnerRequest when actor.RoleIn(tenant.TenantId!.Value) is not AdminRole.Owner
                => new ForbiddenException("Only an owner of this tenant manages its team."),
            // Like a tenant admin asking about another tenant: someone who administers nothing learns nothing exists.
            IAdminRequest when actor.Kind is not (ActorKind.Admin or ActorKind.ApiKey or ActorKind.System) => new NotFoundException("Not found."),
            IAdminAccountRequest when actor.AdminId is null => new ForbiddenException("Sign in to the admin area first."),
            IEndUserRequest when actor.EndUserId is null => new ForbiddenException("Sign in first."),
            IOAuthClientRequest when actor.Kind != ActorKind.Client => new ForbiddenException("Only the OAuth server sends this, for a client it authenticated."),
            IStepUpRequest when actor.VerifiedAt is { } verifiedAt && clock.GetUtcNow() - verifiedAt > security.Value.StepUpWindow => new StepUpRequiredException(),
            _ => null,
        };
        return refusal is null ? next(message, cancellationToken) : throw refusal;
    }
}
