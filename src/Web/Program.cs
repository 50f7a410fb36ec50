using AlexaLinkHub.Application;
using AlexaLinkHub.Infrastructure;
using AlexaLinkHub.Infrastructure.Persistence;
using AlexaLinkHub.Web;
using AlexaLinkHub.Web.Hosting;

// `dotnet run --project src/Web -- migrate` applies the migrations and exits.
var migrateOnly = args.Contains("migrate", StringComparer.OrdinalIgnoreCase);

var builder = WebApplication.CreateBuilder(args.Where(a => !string.Equals(a, "migrate", StringComparison.OrdinalIgnoreCase)).ToArray());
builder.AddApplicationServices();
builder.AddInfrastructureServices();
builder.AddWebServices();

var app = builder.Build();

if (migrateOnly)
{
    await app.Services.RunExclusiveAsync(() => app.Services.MigrateDatabaseAsync());
    return 0;
}

await app.InitializeAsync();
app.UseWebPipeline();
app.MapWebEndpoints();
await app.RunAsync();
return 0;

public partial class Program;
