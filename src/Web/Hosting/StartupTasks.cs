using AlexaLinkHub.Application.Bootstrap;
using AlexaLinkHub.Infrastructure.Jobs;
using OpenIddict.Server;
using AlexaLinkHub.Infrastructure.Persistence;
using Mediator;
using Microsoft.Extensions.Options;

namespace AlexaLinkHub.Web.Hosting;

internal static class StartupTasks
{
    /// <summary>Before the server listens: migrate (unless switched off) and make sure the platform can be reached.</summary>
    public static Task InitializeAsync(this WebApplication app) =>
        // One instance at a time (StartupLock): instances started together on an empty database all come up.
        app.Services.RunExclusiveAsync(async () =>
        {
            if (app.Services.GetRequiredService<IOptions<DatabaseOptions>>().Value.MigrateOnStartup)
                await app.Services.MigrateDatabaseAsync();
            else if (await app.Services.HasPendingMigrationsAsync())
            {
                app.Logger.LogWarning("The database has pending migrations and Database:MigrateOnStartup is false; run `dotnet run --project src/Web -- migrate`. /health/ready reports unhealthy until then.");
                return;
            }

            // Build OpenIddict's options now (reading or creating the server keys) rather than in the first request.
            _ = app.Services.GetRequiredService<IOptionsMonitor<OpenIddictServerOptions>>().CurrentValue;
            await BootstrapAsync(app);
            app.Services.RegisterRecurringJobs();
        });

    private static async Task BootstrapAsync(WebApplication app)
    {
        await using var scope = app.Services.CreateAsyncScope();
        // The system, in the platform scope: the same way a job's scope is entered.
        scope.ServiceProvider.GetRequiredService<JobScope>().EnterPlatform();
        var options = scope.ServiceProvider.GetRequiredService<IOptions<BootstrapOptions>>().Value;
        var result = await scope.ServiceProvider.GetRequiredService<ISender>()
            .Send(new BootstrapPlatform(options.PlatformApiKey, options.AdminEmail, options.AdminPassword));

        if (!result.GeneratedAnything)
            return;

        // Printed to the console once, deliberately not through the logger (log sinks keep what they get).
        var lines = new List<string> { string.Empty, "==== AlexaLinkHub first start: save these now, they are not shown again ====" };
        if (result.GeneratedApiKey is not null)
            lines.Add($"  Platform API key : {result.GeneratedApiKey}");
        if (result.GeneratedAdminPassword is not null)
        {
            lines.Add($"  Admin email      : {result.GeneratedAdminEmail}");
            lines.Add($"  Admin password   : {result.GeneratedAdminPassword}");
        }
        lines.Add("  (Set Bootstrap:PlatformApiKey / Bootstrap:AdminEmail / Bootstrap:AdminPassword to choose them yourself.)");
        lines.Add("==============================================================================");
        lines.Add(string.Empty);
        await Console.Out.WriteLineAsync(string.Join(Environment.NewLine, lines));
        await Console.Out.FlushAsync();
    }
}
