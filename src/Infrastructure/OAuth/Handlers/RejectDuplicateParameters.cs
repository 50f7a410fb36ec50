using System.Collections.Immutable;
using OpenIddict.Server;
using static OpenIddict.Abstractions.OpenIddictConstants;
using static OpenIddict.Server.OpenIddictServerEvents;

namespace AlexaLinkHub.Infrastructure.OAuth.Handlers;

/// <summary>RFC 6749 §3.1: "Request and response parameters MUST NOT be included more than once." OpenIddict would read a
/// repeated state or redirect_uri as absent and carry on; we refuse the request before anything else looks at it. It is
/// rejected during validation, so it is never redirected.</summary>
internal sealed class RejectDuplicateParameters : IOpenIddictServerHandler<ValidateAuthorizationRequestContext>
{
    /// <summary>Transaction property marking a request refused for a repeated parameter (see <see cref="RedirectValidationErrors"/>).</summary>
    public const string RepeatedParameterProperty = "alh:repeated_parameter";

    public static OpenIddictServerHandlerDescriptor Descriptor { get; } =
        OpenIddictServerHandlerDescriptor.CreateBuilder<ValidateAuthorizationRequestContext>()
            .UseSingletonHandler<RejectDuplicateParameters>()
            .SetOrder(int.MinValue + 50_000)
            .SetType(OpenIddictServerHandlerType.Custom)
            .Build();

    public ValueTask HandleAsync(ValidateAuthorizationRequestContext context)
    {
        foreach (var (name, value) in context.Request.GetParameters())
        {
            // resource and audience are multi-valued by definition (RFC 8707).
            if (name is Parameters.Resource or Parameters.Audience)
                continue;
            if (((ImmutableArray<string?>?)value) is { Length: > 1 })
            {
                context.Transaction.SetProperty(RepeatedParameterProperty, name);
                context.Reject(Errors.InvalidRequest, $"The '{name}' parameter must not be included more than once.");
                return ValueTask.CompletedTask;
            }
        }
        return ValueTask.CompletedTask;
    }
}
