using AlexaLinkHub.Application.UserImports;
using Mediator;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace AlexaLinkHub.Web.Areas.Admin.Pages.Tenant.Users;

/// <summary>One import's progress and report, the same as <c>GET …/users/imports/{id}</c>; refreshes itself while running.</summary>
public sealed class ImportReportModel(ISender sender) : PageModel
{
    [FromRoute]
    public string Slug { get; set; } = string.Empty;

    [FromRoute]
    public Guid Id { get; set; }

    public UserImportDto Import { get; private set; } = null!;

    public bool Running => Import.Status == UserImportDto.Running;

    public async Task OnGetAsync() => Import = await sender.Send(new GetUserImport(Id));
}
