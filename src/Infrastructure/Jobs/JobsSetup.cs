using AlexaLinkHub.Infrastructure.Persistence;
using Hangfire;
using Hangfire.AspNetCore;
using Hangfire.PostgreSql;
using Hangfire.PostgreSql.Factories;
using Hangfire.SqlServer;
using Hangfire.Storage.SQLite;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace AlexaLinkHub.Infrastructure.Jobs;

internal static class JobsSetup
{
    /// <summary>Hangfire with its storage on the app's database engine: PostgreSQL and SQL Server in the app database
    /// (schema <c>hangfire</c> / <c>HangFire</c>), SQLite in a file of its own beside the app database (Hangfire's SQLite
    /// storage creates its tables outside EF's migrations, which must own the app file).</summary>
    public static IHostApplicationBuilder AddJobs(this IHostApplicationBuilder builder, DatabaseOptions database, string connectionString)
    {
        var services = builder.Services;
        var section = builder.Configuration.GetSection(JobsOptions.SectionName);
        services.Configure<JobsOptions>(section);
        var jobs = section.Get<JobsOptions>() ?? new JobsOptions();

        // Our own storage and activator, registered before AddHangfire: otherwise Hangfire falls back to its static
        // JobStorage.Current and JobActivator.Current, which two hosts in one process (test apps) would share.
        services.AddSingleton<JobStorage>(_ => CreateStorage(database.Provider, connectionString, jobs));
        services.AddSingleton<JobActivator>(sp => new AspNetCoreJobActivator(sp.GetRequiredService<IServiceScopeFactory>()));
        services.AddHangfire((provider, configuration) => configuration
            .UseLogProvider(new HangfireLogging(provider.GetRequiredService<Microsoft.Extensions.Logging.ILoggerFactory>()))
            .SetDataCompatibilityLevel(CompatibilityLevel.Version_180)
            .UseSimpleAssemblyNameTypeSerializer()
            .UseRecommendedSerializerSettings());

        if (jobs.RunServer)
        {
            JobFailureMetrics.RegisterOnce();
            services.AddHangfireServer((_, options) =>
            {
                options.WorkerCount = Math.Max(1, jobs.WorkerCount);
                options.SchedulePollingInterval = jobs.SchedulePollingInterval;
                options.ShutdownTimeout = TimeSpan.FromSeconds(15);
            });
        }

        services.AddScoped<JobScope>();
        services.AddScoped<EmailJobs>();
        services.AddScoped<WebhookJobs>();
        services.AddScoped<MaintenanceJobs>();
        services.AddScoped<UserImportJobs>();
        services.AddScoped<Application.Dashboard.IJobHealth, JobHealth>();
        return builder;
    }

    private static JobStorage CreateStorage(DatabaseProvider provider, string connectionString, JobsOptions jobs) => provider switch
    {
        DatabaseProvider.Sqlite => new SQLiteStorage(SqliteFile(connectionString, jobs), new SQLiteStorageOptions
        {
            QueuePollInterval = jobs.QueuePollInterval,
        }),
        DatabaseProvider.PostgreSql => PostgreSql(connectionString, jobs),
        DatabaseProvider.SqlServer => new SqlServerStorage(connectionString, new SqlServerStorageOptions
        {
            QueuePollInterval = jobs.QueuePollInterval,
            PrepareSchemaIfNecessary = true,
        }),
        _ => throw new InvalidOperationException($"No job storage for {provider}."),
    };

    private static PostgreSqlStorage PostgreSql(string connectionString, JobsOptions jobs)
    {
        var options = new PostgreSqlStorageOptions
        {
            QueuePollInterval = jobs.QueuePollInterval,
            SchemaName = "hangfire",
            PrepareSchemaIfNecessary = true,
        };
        return new PostgreSqlStorage(new NpgsqlConnectionFactory(connectionString, options), options);
    }

    /// <summary><c>Jobs:SqliteFile</c>, else <c>{app database}.jobs.db</c> beside it.</summary>
    private static string SqliteFile(string appConnectionString, JobsOptions jobs)
    {
        if (!string.IsNullOrWhiteSpace(jobs.SqliteFile))
            return jobs.SqliteFile;
        var appFile = new SqliteConnectionStringBuilder(appConnectionString).DataSource;
        if (string.IsNullOrEmpty(appFile) || appFile == ":memory:")
            return Path.Combine(Path.GetTempPath(), $"alexalinkhub-jobs-{Guid.NewGuid():N}.db");
        return Path.Combine(Path.GetDirectoryName(appFile)!, Path.GetFileNameWithoutExtension(appFile) + ".jobs.db");
    }
}
