using AlexaLinkHub.Application.Common.Interfaces;
using AlexaLinkHub.Infrastructure.Jobs;
using AlexaLinkHub.Infrastructure.OAuth;
using AlexaLinkHub.Infrastructure.Persistence;
using AlexaLinkHub.Infrastructure.Persistence.Interceptors;
using AlexaLinkHub.Infrastructure.Security;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;

namespace AlexaLinkHub.Infrastructure;

public static class DependencyInjection
{
    public const string ApplicationName = "AlexaLinkHub";

    public static IHostApplicationBuilder AddInfrastructureServices(this IHostApplicationBuilder builder)
    {
        var services = builder.Services;
        var section = builder.Configuration.GetSection(DatabaseOptions.SectionName);
        services.Configure<DatabaseOptions>(section);
        var database = section.Get<DatabaseOptions>() ?? new DatabaseOptions();
        var connectionString = ConnectionStrings.Resolve(builder.Configuration, database, builder.Environment.ContentRootPath);

        services.TryAddSingleton<TenantGuardInterceptor>();
        services.TryAddSingleton<Jobs.OutboxJobInterceptor>();
        services.TryAddSingleton<Caching.ChangeClock>();
        services.TryAddSingleton<Caching.ChangeFeedInterceptor>();
        switch (database.Provider)
        {
            case DatabaseProvider.Sqlite:
                services.TryAddSingleton<SqliteWriteGate>();
                // One interceptor for the process: it remembers which pooled connections already have their pragmas.
                var pragmas = new SqlitePragmaInterceptor(database.SqliteBusyTimeoutMilliseconds);
                services.AddDbContext<AppDbContext, SqliteAppDbContext>((sp, options) => options
                    .UseSqlite(connectionString)
                    .AddInterceptors(pragmas, sp.GetRequiredService<TenantGuardInterceptor>(), sp.GetRequiredService<Jobs.OutboxJobInterceptor>(), sp.GetRequiredService<Caching.ChangeFeedInterceptor>()));
                break;
            case DatabaseProvider.PostgreSql:
                services.AddDbContext<AppDbContext, PostgreSqlAppDbContext>((sp, options) => options
                    .UseNpgsql(connectionString, npgsql => npgsql.ExecutionStrategy(deps => new ReadRetryingExecutionStrategy(deps)))
                    .AddInterceptors(sp.GetRequiredService<TenantGuardInterceptor>(), sp.GetRequiredService<Jobs.OutboxJobInterceptor>(), sp.GetRequiredService<Caching.ChangeFeedInterceptor>()));
                break;
            case DatabaseProvider.SqlServer:
                services.AddDbContext<AppDbContext, SqlServerAppDbContext>((sp, options) => options
                    .UseSqlServer(connectionString, sqlServer => sqlServer.ExecutionStrategy(deps => new ReadRetryingExecutionStrategy(deps)))
                    .AddInterceptors(sp.GetRequiredService<TenantGuardInterceptor>(), sp.GetRequiredService<Jobs.OutboxJobInterceptor>(), sp.GetRequiredService<Caching.ChangeFeedInterceptor>()));
                break;
            default:
                throw new InvalidOperationException($"Unknown Database:Provider '{database.Provider}'. Use Sqlite, PostgreSql or SqlServer.");
        }

        // Other instances may share the database: learn of what they change (one process per SQLite file needs nothing).
        if (database.Provider != DatabaseProvider.Sqlite)
            services.AddHostedService<Caching.ChangeFeedPoller>();

        services.AddSingleton<DatabaseReadinessCheck.State>();
        services.AddScoped<IUnitOfWork, UnitOfWork>();
        services.AddScoped<IAuditLog, AuditLog>();

        // Adapters by convention, narrowly: only the repository namespace, only its interfaces.
        services.Scan(scan => scan
            .FromAssemblyOf<AppDbContext>()
            .AddClasses(classes => classes.InNamespaces(typeof(Persistence.Repositories.TenantRepository).Namespace!), publicOnly: false)
            .AsImplementedInterfaces()
            .WithScopedLifetime());

        services.TryAddSingleton<IPasswordHasher<IdentityPasswordHasher.Subject>, PasswordHasher<IdentityPasswordHasher.Subject>>();
        services.TryAddSingleton<Application.Common.Security.IPasswordHasher, IdentityPasswordHasher>();
        services.TryAddSingleton<Application.Common.Security.IForeignPasswordHashes, Security.ForeignHashes.ForeignPasswordHashes>();

        // Data-protection keys (antiforgery, cookies, reset tokens) live in the database, so every instance shares
        // them and a restart invalidates no form or session; protected at rest with a certificate (KeyRingOptions).
        var dataProtection = services.AddDataProtection()
            .SetApplicationName(ApplicationName)
            .PersistKeysToDbContext<AppDbContext>();
        KeyRingOptions.Apply(dataProtection, builder.Configuration, builder.Environment);
        services.AddHostedService<DataProtectionKeyRingRefresher>();

        services.Configure<Email.EmailOptions>(builder.Configuration.GetSection(Email.EmailOptions.SectionName));
        services.AddSingleton<Email.EmailTransport>();
        services.AddScoped<IEmailOutbox, Email.EmailOutbox>();
        services.AddScoped<Application.Emails.IEmailDelivery, Email.EmailDelivery>();
        services.AddScoped<Application.Accounts.IUserTokens, Identity.UserTokens>();
        services.AddScoped<Application.Admins.IAdminTokens, Identity.AdminTokens>();
        services.AddSingleton<Application.Linking.ITestLinkTickets, Identity.TestLinkTickets>();
        services.AddSingleton<Application.Admins.ITotp, Totp>();
        services.AddSingleton<Application.Admins.IPasskeys, Passkeys>();

        services.AddSingleton<Application.Webhooks.IWebhookSecretProtector, Webhooks.WebhookSecretProtector>();
        services.AddSingleton<Webhooks.WebhookAddressGuard>();
        services.AddScoped<Application.Webhooks.IWebhookTransport, Webhooks.WebhookTransport>();
        Webhooks.WebhookAddressGuard.AddGuardedClient(services, Webhooks.WebhookTransport.ClientName);
        services.AddScoped<Application.LegacySignIns.ILegacySignInClient, Webhooks.LegacySignInClient>();
        Webhooks.WebhookAddressGuard.AddGuardedClient(services, Webhooks.LegacySignInClient.ClientName);
        services.AddScoped<Application.Maintenance.ITokenPruning, OAuth.TokenPruning>();
        AddExternalSignIn(services, builder.Environment.IsDevelopment());

        builder.AddJobs(database, connectionString);
        builder.AddOAuthServer();
        return builder;
    }

    private static void AddExternalSignIn(IServiceCollection services, bool allowLoopback)
    {
        services.AddSingleton<ExternalSignIn.ProviderMetadata>();
        services.AddSingleton<Application.ExternalSignIn.IProviderSecretProtector, ExternalSignIn.ProviderSecretProtector>();
        services.AddScoped<Application.ExternalSignIn.IExternalSignInProtocol, ExternalSignIn.ExternalSignInProtocol>();
        services.AddHttpClient(ExternalSignIn.ProviderMetadata.ClientName, client => client.Timeout = ExternalSignIn.ProviderMetadata.Timeout)
            .ConfigurePrimaryHttpMessageHandler(sp => new SocketsHttpHandler
            {
                AllowAutoRedirect = false,
                UseCookies = false,
                ConnectTimeout = ExternalSignIn.ProviderMetadata.Timeout,
                // A tenant admin names the issuer: outside Development it must be a public address (as for webhooks).
                ConnectCallback = allowLoopback ? null : sp.GetRequiredService<Webhooks.WebhookAddressGuard>().ConnectAsync,
            })
            // The default logging handlers write request URLs (an authorization code may be among them).
            .RemoveAllLoggers();
    }
}
