using AlexaLinkHub.Application.Common.Models;
using AlexaLinkHub.Application.Users;
using Mediator;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace AlexaLinkHub.Web.Areas.Admin.Pages.Tenant.Users;

public sealed class UsersIndexModel(ISender sender) : PageModel
{
    public const int PageSize = 25;

    [FromRoute]
    public string Slug { get; set; } = string.Empty;

    [FromQuery(Name = "search")]
    public string? Search { get; set; }

    /// <summary>A page's next or previous cursor (keyset paging, ADR 020).</summary>
    [FromQuery(Name = "after")]
    public string? After { get; set; }

    [FromQuery(Name = "deleted")]
    public bool Deleted { get; set; }

    public Page<EndUserDto> Users { get; private set; } = new([], 1, PageSize, 0);

    public async Task OnGetAsync() => Users = await sender.Send(new FindEndUsers(Search, PageSize: PageSize, After: After));
}
