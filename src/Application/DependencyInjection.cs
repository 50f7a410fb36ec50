using AlexaLinkHub.Application.Common.Behaviours;
using AlexaLinkHub.Application.Common.Interfaces;
using AlexaLinkHub.Application.Common.Tenancy;
using AlexaLinkHub.Application.Skills;
using FluentValidation;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;

namespace AlexaLinkHub.Application;

public static class DependencyInjection
{
    public static IHostApplicationBuilder AddApplicationServices(this IHostApplicationBuilder builder)
    {
        var services = builder.Services;

        services.AddMediator(options =>
        {
            options.ServiceLifetime = ServiceLifetime.Scoped;
            // Order matters: who may ask, then is the input well-formed, then do it in one transaction.
            options.PipelineBehaviors =
            [
                typeof(AuthorizationBehaviour<,>),
                typeof(ValidationBehaviour<,>),
                typeof(TransactionBehaviour<,>),
            ];
        });

        services.AddValidatorsFromAssembly(typeof(DependencyInjection).Assembly, ServiceLifetime.Singleton, includeInternalTypes: true);

        services.TryAddSingleton(TimeProvider.System);
        services.TryAddScoped<TenantContext>();
        services.TryAddScoped<ITenantContext>(sp => sp.GetRequiredService<TenantContext>());
        services.TryAddScoped<ActorContext>();
        services.TryAddScoped<ICurrentActor>(sp => sp.GetRequiredService<ActorContext>());

        services.TryAddScoped<Linking.LinkRevocation>();
        services.TryAddScoped<Tenants.TenantRegistration>();
        services.TryAddScoped<Admins.AdminInvitations>();
        services.TryAddScoped<Admins.TenantTeams>();
        services.AddOptions<Admins.AdminSignInOptions>().Bind(builder.Configuration.GetSection(Admins.AdminSignInOptions.SectionName));
        services.AddOptions<Admins.AdminSecurityOptions>().Bind(builder.Configuration.GetSection(Admins.AdminSecurityOptions.SectionName))
            .PostConfigure(options => options.RequireMfaForPlatformAdmins ??= !builder.Environment.IsDevelopment());
        services.TryAddScoped<Admins.AdminSignInGate>();
        services.TryAddScoped<Admins.AdminTokenCheck>();
        services.TryAddScoped<Admins.IAdminMfaPolicy, Admins.AdminMfaPolicy>();
        services.AddOptions<Admins.OnboardingOptions>().Bind(builder.Configuration.GetSection(Admins.OnboardingOptions.SectionName));
        services.TryAddScoped<Webhooks.WebhookPublisher>();
        services.TryAddScoped<ExternalSignIn.ExternalLogins>();
        // Plain http providers only on loopback in Development (the tests start one); https everywhere else.
        services.AddOptions<ExternalSignIn.ExternalSignInOptions>().Configure(options => options.AllowLoopbackHttp = builder.Environment.IsDevelopment());
        services.AddOptions<Webhooks.WebhookOptions>().Bind(builder.Configuration.GetSection(Webhooks.WebhookOptions.SectionName));
        services.AddOptions<Maintenance.TokenPruningOptions>().Bind(builder.Configuration.GetSection(Maintenance.TokenPruningOptions.SectionName));
        services.AddOptions<Maintenance.AuditOptions>().Bind(builder.Configuration.GetSection(Maintenance.AuditOptions.SectionName));
        services.AddOptions<Linking.LinkingOptions>().Bind(builder.Configuration.GetSection(Linking.LinkingOptions.SectionName));
        services.AddOptions<Linking.SignInOptions>().Bind(builder.Configuration.GetSection(Linking.SignInOptions.SectionName));
        services.AddOptions<Accounts.AccountOptions>().Bind(builder.Configuration.GetSection(Accounts.AccountOptions.SectionName));
        services.AddOptions<SkillOptions>().Bind(builder.Configuration.GetSection(SkillOptions.SectionName));
        services.AddOptions<UserImports.UserImportOptions>().Bind(builder.Configuration.GetSection(UserImports.UserImportOptions.SectionName));
        services.AddOptions<LegacySignIns.LegacySignInOptions>().Bind(builder.Configuration.GetSection(LegacySignIns.LegacySignInOptions.SectionName));
        services.TryAddScoped<Linking.EndUserCredentials>();
        services.AddOptions<Bootstrap.BootstrapOptions>().Bind(builder.Configuration.GetSection(Bootstrap.BootstrapOptions.SectionName));

        return builder;
    }
}
