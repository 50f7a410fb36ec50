using AlexaLinkHub.Application.Common.Exceptions;
using AlexaLinkHub.Application.Common.Interfaces;
using AlexaLinkHub.Application.Common.Tenancy;
using AlexaLinkHub.Application.Admins;
using Mediator;
using Microsoft.Extensions.Options;

namespace AlexaLinkHub.Application.Common.Behaviours;

/// <summary>Enforces the message's audience before anything runs. A tenant admin asking about another tenant gets
/// "not found", never "forbidden": we do not confirm that the other tenant exists.</summary>
public sealed class AuthorizationBehaviour<TMessage, TResponse>(ICurrentActor actor, ITenantContext tenant, IOptions<AdminSecurityOptions> security, TimeProvider clock)
    : IPipelineBehavior<TMessage, TResponse>
    where TMessage : IMessage
{
    public ValueTask<TResponse> Handle(TMessage message, MessageHandlerDelegate<TMessage, TResponse> next, CancellationToken cancellationToken)
    {
        if (message is IPlatformAdminRequest && !actor.IsPlatformAdmin)
            throw new ForbiddenException("This action needs a platform admin.");

        if (message is ITenantAdminRequest)
        {
            var tenantId = tenant.TenantId ?? throw new InvalidOperationException($"{typeof(TMessage).Name} needs a tenant in scope.");
            if (!actor.CanAdminister(tenantId))
                throw new NotFoundException("Tenant not found.");
        }

        if ((message is IEndUserRequest or ITenantPublicRequest) && tenant.TenantId is null)
            throw new InvalidOperationException($"{typeof(TMessage).Name} needs a tenant in scope.");

        if (message is IEndUserRequest && actor.EndUserId is null)
            throw new ForbiddenException("Sign in first.");

        if (message is IAdminAccountRequest && actor.AdminId is null)
            throw new ForbiddenException("Sign in to the admin area first.");

        if (message is IStepUpRequest && actor.VerifiedAt is { } verifiedAt && clock.GetUtcNow() - verifiedAt > security.Value.StepUpWindow)
            throw new StepUpRequiredException();

        return next(message, cancellationToken);
    }
}
