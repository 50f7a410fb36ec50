// Car Fu's skill backend in ASP.NET Core: POST /alexa and POST /webhooks/alexalinkhub, configured by the environment
// only (PORT, ALEXALINKHUB_ISSUER, ALEXALINKHUB_CLIENT_ID, ALEXALINKHUB_CLIENT_SECRET, ALEXALINKHUB_WEBHOOK_SECRET,
// ALEXA_VERIFY_SIGNATURE=false for local tests). Start: dotnet run --project samples/CarFuSkill
using AlexaLinkHub.SkillBackend;
using CarFuSkill;

var builder = WebApplication.CreateBuilder(args);
var settings = builder.Configuration;
if (settings["PORT"] is { Length: > 0 } port)
    builder.WebHost.UseUrls($"http://0.0.0.0:{port}");

builder.Services.AddAlexaLinkHub(options =>
{
    options.Issuer = settings["ALEXALINKHUB_ISSUER"] ?? string.Empty;
    options.ClientId = settings["ALEXALINKHUB_CLIENT_ID"] ?? string.Empty;
    options.ClientSecret = settings["ALEXALINKHUB_CLIENT_SECRET"] ?? string.Empty;
    options.WebhookSecret = settings["ALEXALINKHUB_WEBHOOK_SECRET"];
    // Amazon's request signature is checked unless switched off explicitly, for local tests only.
    options.VerifyAlexaSignature = !string.Equals(settings["ALEXA_VERIFY_SIGNATURE"], "false", StringComparison.OrdinalIgnoreCase);
});

var app = builder.Build();
app.MapAlexaLinkHubWebhooks("/webhooks/alexalinkhub");
app.MapPost("/alexa", CarFu.Answer).WithAlexaLinkHub();
app.Run();

public partial class Program;
