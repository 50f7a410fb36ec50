using AlexaLinkHub.Application.UserImports;
using AlexaLinkHub.Domain.Users;
using AlexaLinkHub.Web.Admin;
using AlexaLinkHub.Web.Api;
using Mediator;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace AlexaLinkHub.Web.Areas.Admin.Pages.Tenant.Users;

/// <summary>Upload an import file (the same import as the API's, as a background job) and see the latest imports. The
/// browser's multipart upload is buffered by ASP.NET Core (to a temporary file beyond 64 KB) on the instance that
/// receives it, only for the request: the import itself is staged in the database before the job starts.</summary>
[RequestSizeLimit(MaxUploadBytes)]
[RequestFormLimits(MultipartBodyLengthLimit = MaxUploadBytes)]
public sealed class ImportUsersModel(ISender sender, IStringLocalizer<SharedResource> text) : PageModel
{
    public const long MaxUploadBytes = 2L * 1024 * 1024 * 1024;

    [FromRoute]
    public string Slug { get; set; } = string.Empty;

    [BindProperty]
    public IFormFile? Upload { get; set; }

    [BindProperty]
    public bool DryRun { get; set; }

    public IReadOnlyList<UserImportDto> Imports { get; private set; } = [];

    public async Task OnGetAsync() => Imports = await sender.Send(new ListUserImports());

    public async Task<IActionResult> OnPostAsync()
    {
        var format = Upload is null ? null : FormatOf(Upload);
        if (Upload is null || Upload.Length == 0)
            ModelState.AddModelError(nameof(Upload), text["Console.ChooseFile"]);
        else if (format is null)
            ModelState.AddModelError(nameof(Upload), text["Console.WrongFileType"]);
        if (!ModelState.IsValid)
        {
            await OnGetAsync();
            return Page();
        }

        await using var content = Upload!.OpenReadStream();
        var import = await sender.Send(new StartUserImport { Format = format!.Value, DryRun = DryRun, Content = content });
        return LocalRedirect(AdminPaths.UserImport(Slug, import.Id));
    }

    /// <summary>By the file's name first (browsers label .ndjson files inconsistently), then by its declared type.</summary>
    private static UserImportFormat? FormatOf(IFormFile file)
    {
        var extension = Path.GetExtension(file.FileName).ToLowerInvariant();
        return extension switch
        {
            ".csv" => UserImportFormat.Csv,
            ".ndjson" or ".jsonl" => UserImportFormat.Ndjson,
            _ => UserImportsEndpoints.FormatOf(file.ContentType),
        };
    }
}
