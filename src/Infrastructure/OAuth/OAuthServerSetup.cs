using AlexaLinkHub.Application.Common.OAuth;
using AlexaLinkHub.Application.Linking;
using AlexaLinkHub.Infrastructure.OAuth.Handlers;
using AlexaLinkHub.Infrastructure.Persistence;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using OpenIddict.Server;

namespace AlexaLinkHub.Infrastructure.OAuth;

internal static class OAuthServerSetup
{
    /// <summary>OpenIddict as the per-tenant authorization server. The issuer is never set: OpenIddict derives it per
    /// request, and the tenant middleware makes <c>/t/{slug}</c> the PathBase, so each tenant is its own issuer and a
    /// token of one tenant is inactive at another's endpoints. With <c>App:PublicBaseUrl</c> configured the issuer's
    /// scheme and host come from it, not from the request (<see cref="IssuerFromPublicBaseUrl"/>).</summary>
    public static IHostApplicationBuilder AddOAuthServer(this IHostApplicationBuilder builder)
    {
        var services = builder.Services;
        var section = builder.Configuration.GetSection(OAuthOptions.SectionName);
        services.Configure<OAuthOptions>(section);
        var oauth = section.Get<OAuthOptions>() ?? new OAuthOptions();

        services.AddOpenIddict()
            .AddCore(options =>
            {
                options.UseEntityFrameworkCore()
                    .UseDbContext<AppDbContext>()
                    .ReplaceDefaultEntities<OAuthApplication, OAuthAuthorization, OAuthScope, OAuthToken, Guid>();
                options.ReplaceApplicationStore<OAuthApplication, SkillApplicationStore>()
                    .ReplaceApplicationManager<OAuthApplication, SkillApplicationManager>()
                    .ReplaceTokenStore<OAuthToken, TokenStore>();
            })
            .AddServer(options =>
            {
                // Relative URIs (no leading slash) resolve against the tenant's PathBase.
                options.SetAuthorizationEndpointUris(OAuthEndpoints.Authorization)
                    .SetTokenEndpointUris(OAuthEndpoints.Token)
                    .SetIntrospectionEndpointUris(OAuthEndpoints.Introspection)
                    .SetRevocationEndpointUris(OAuthEndpoints.Revocation)
                    .SetUserInfoEndpointUris(OAuthEndpoints.UserInfo);

                options.AllowImplicitFlow()
                    .AllowAuthorizationCodeFlow()
                    .AllowRefreshTokenFlow();

                // Opaque tokens: 256 random bits handed out, only a SHA-256 of them stored, revocable at once.
                options.UseReferenceAccessTokens()
                    .UseReferenceRefreshTokens();
                options.SetRefreshTokenReuseLeeway(oauth.RefreshTokenReuseLeeway);
                // RFC 6749 §4.1.2 recommends at most ten minutes; Alexa redeems a code at once.
                options.SetAuthorizationCodeLifetime(TimeSpan.FromMinutes(5));
                // PKCE with S256 only (RFC 7636 §4.2: "plain" is for clients that cannot do S256; Alexa can).
                options.Configure(server => server.CodeChallengeMethods.Remove(OpenIddict.Abstractions.OpenIddictConstants.CodeChallengeMethods.Plain));

                // Scopes are per skill (client permissions), not global scope entities.
                options.DisableScopeValidation();

                options.AddEventHandler(IssuerFromPublicBaseUrl.Descriptor)
                    .AddEventHandler(CountTokenTraffic.Introspections.Descriptor)
                    .AddEventHandler(CountTokenTraffic.FromTokenEndpoint.Descriptor)
                    .AddEventHandler(CountTokenTraffic.FromAuthorizationEndpoint.Descriptor)
                    .AddEventHandler(RejectDuplicateParameters.Descriptor)
                    .AddEventHandler(SignWithActiveKey.Descriptor)
                    .AddEventHandler(ValidateRequestedScopes.Descriptor)
                    .AddEventHandler(AcceptConsoleTestRedirect.Descriptor)
                    .AddEventHandler(RedirectValidationErrors.Descriptor)
                    .AddEventHandler(RejectInactiveSubjects.Descriptor)
                    .AddEventHandler(IssueRefreshTokens.Descriptor)
                    .AddEventHandler(AttachIntrospectionDetails.Descriptor)
                    .AddEventHandler(RememberIntrospectionAnswer.Descriptor)
                    .AddEventHandler(RejectForeignRevocation.Descriptor)
                    .AddEventHandler(EndLinkOnClientRevocation.Descriptor)
                    .AddEventHandler(EndLinkOnTokenReplay.NoteReplay.Descriptor)
                    .AddEventHandler(EndLinkOnTokenReplay.EndLink.Descriptor)
                    .AddEventHandler(StripErrorUri<OpenIddictServerEvents.ApplyAuthorizationResponseContext>.Descriptor)
                    .AddEventHandler(StripErrorUri<OpenIddictServerEvents.ApplyTokenResponseContext>.Descriptor)
                    .AddEventHandler(StripErrorUri<OpenIddictServerEvents.ApplyIntrospectionResponseContext>.Descriptor)
                    .AddEventHandler(StripErrorUri<OpenIddictServerEvents.ApplyRevocationResponseContext>.Descriptor)
                    .AddEventHandler(StripErrorUri<OpenIddictServerEvents.ApplyUserInfoResponseContext>.Descriptor);

                var aspNetCore = options.UseAspNetCore()
                    .EnableAuthorizationEndpointPassthrough()
                    .EnableUserInfoEndpointPassthrough()
                    .EnableErrorPassthrough();
                // Plain HTTP only for a local run; behind a TLS-terminating proxy the forwarded headers make requests https.
                if (builder.Environment.IsDevelopment())
                    aspNetCore.DisableTransportSecurityRequirement();
            });

        services.AddSingleton<SigningKeyRing>();
        services.AddSingleton<IOptionsChangeTokenSource<OpenIddictServerOptions>>(sp => sp.GetRequiredService<SigningKeyRing>());
        services.AddSingleton<IConfigureOptions<OpenIddictServerOptions>, ServerKeys.ConfigureServerOptions>();
        services.AddScoped<SigningKeyStore>();
        services.AddScoped<Application.Platform.ISigningKeys>(sp => sp.GetRequiredService<SigningKeyStore>());
        services.AddHostedService<SigningKeyRefresher>();
        services.AddScoped<IOAuthGrants, OAuthGrants>();
        services.AddScoped<ClientActorScope>();
        services.AddSingleton<OAuthClients>();
        services.AddSingleton<ConsoleClientCredentials>();
        services.AddScoped<ConsoleTestRequest>();
        services.AddScoped<Application.Linking.ITestLinkProbe, TestLinkProbe>();
        services.AddHttpClient(TestLinkProbe.ClientName, client => client.Timeout = TimeSpan.FromSeconds(15))
            .ConfigurePrimaryHttpMessageHandler(() => new SocketsHttpHandler { AllowAutoRedirect = false, UseCookies = false })
            // The default logging handlers write request URLs; the bodies carry a code or a token.
            .RemoveAllLoggers();
        services.AddSingleton<TokenAnswers>();
        services.AddScoped<TokenAnswerCapture>();
        return builder;
    }
}
