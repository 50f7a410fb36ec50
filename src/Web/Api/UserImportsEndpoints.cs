using AlexaLinkHub.Application.UserImports;
using AlexaLinkHub.Domain.Users;
using Mediator;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;
using Microsoft.Net.Http.Headers;

namespace AlexaLinkHub.Web.Api;

/// <summary>Bulk import of a vendor's customers (with their existing password hashes), as a background job.</summary>
internal static class UserImportsEndpoints
{
    public const string NdjsonType = "application/x-ndjson";
    public const string CsvType = "text/csv";

    public static void MapUserImportsEndpoints(this RouteGroupBuilder tenant)
    {
        var users = tenant.MapGroup("/users").WithTags("User imports");
        // No Accepts() metadata: it would make routing answer an unknown content type with a bare 415 before the endpoint
        // can say which types it takes.
        users.MapPost("/import", Import)
            .WithSummary("Import users from NDJSON (application/x-ndjson) or CSV (text/csv, header row first), streamed; ?dryRun=true writes nothing. 202 with the import's id; progress and errors at …/users/imports/{id}.");
        users.MapGet("/imports", List).WithSummary("The tenant's latest imports, newest first.");
        users.MapGet("/imports/{id:guid}", Get)
            .WithSummary("An import's progress (read, created, updated, failed) and its first 100 errors, each with its line, field and message.");
    }

    /// <summary>The import format a request's content type names, ignoring parameters such as <c>charset</c>.</summary>
    internal static UserImportFormat? FormatOf(string? contentType)
    {
        if (!MediaTypeHeaderValue.TryParse(contentType, out var media))
            return null;
        return media.MediaType.Value?.ToLowerInvariant() switch
        {
            NdjsonType or "application/ndjson" or "application/jsonl" => UserImportFormat.Ndjson,
            CsvType => UserImportFormat.Csv,
            _ => null,
        };
    }

    private static async Task<Results<Accepted<UserImportDto>, ProblemHttpResult>> Import(
        bool? dryRun, HttpContext http, ISender sender, IOptions<UserImportOptions> options, CancellationToken ct)
    {
        if (FormatOf(http.Request.ContentType) is not { } format)
            return TypedResults.Problem(statusCode: StatusCodes.Status415UnsupportedMediaType, title: "Unsupported media type",
                detail: $"Send the file as {NdjsonType} (one JSON object per line) or {CsvType} (a header row, then one row per user).");
        var limit = options.Value.MaxUploadBytes;
        if (http.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } size)
            size.MaxRequestBodySize = limit;
        if (http.Request.ContentLength > limit)
            return TooLarge(limit);
        try
        {
            var import = await sender.Send(new StartUserImport { Format = format, DryRun = dryRun ?? false, Content = http.Request.Body }, ct);
            return TypedResults.Accepted($"{SkillsEndpoints.TenantPath(http)}/users/imports/{import.Id}", import);
        }
        catch (BadHttpRequestException ex) when (ex.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            return TooLarge(limit);
        }
    }

    private static ProblemHttpResult TooLarge(long limit) =>
        TypedResults.Problem(statusCode: StatusCodes.Status413PayloadTooLarge, title: "File too large",
            detail: $"An import file may be at most {limit:N0} bytes (Imports:MaxUploadBytes); split it into several imports.");

    private static async Task<Ok<IReadOnlyList<UserImportDto>>> List(ISender sender, CancellationToken ct) =>
        TypedResults.Ok(await sender.Send(new ListUserImports(), ct));

    private static async Task<Ok<UserImportDto>> Get(Guid id, ISender sender, CancellationToken ct) =>
        TypedResults.Ok(await sender.Send(new GetUserImport(id), ct));
}
