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

    // "p", not "page": Razor Pages keeps the page's own name in the route value "page".
    [FromQuery(Name = "p")]
    public int? PageNumber { get; set; }

    [FromQuery(Name = "deleted")]
    public bool Deleted { get; set; }

    public Page<EndUserDto> Users { get; private set; } = new([], 1, PageSize, 0);

    public async Task OnGetAsync() => Users = await sender.Send(new FindEndUsers(Search, PageNumber, PageSize));
}
