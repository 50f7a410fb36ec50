using Mediator;

namespace AlexaLinkHub.Application.ExternalSignIn;

/// <summary>The "Continue with …" buttons of the tenant's login page: its enabled providers, with the authorization
/// endpoint each sends the browser to (the page's CSP allows exactly those as form targets).</summary>
public sealed record ListSignInProviders : IQuery<IReadOnlyList<SignInProvider>>, Common.Interfaces.ITenantPublicRequest;

public sealed record SignInProvider(string Name, string Type, string DisplayName, string AuthorizationEndpoint);

public sealed class ListSignInProvidersHandler(IIdentityProviderRepository providers) : IQueryHandler<ListSignInProviders, IReadOnlyList<SignInProvider>>
{
    public async ValueTask<IReadOnlyList<SignInProvider>> Handle(ListSignInProviders query, CancellationToken cancellationToken) =>
        (await providers.ListAsync(cancellationToken))
            .Where(p => p.Enabled)
            .Select(p => new SignInProvider(p.Name, ProviderPresets.TypeName(p.Type), p.DisplayName, p.AuthorizationEndpoint))
            .ToList();
}
