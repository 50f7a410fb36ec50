using AlexaLinkHub.Application.Common.Interfaces;
using AlexaLinkHub.Application.Common.Models;
using Mediator;

namespace AlexaLinkHub.Application.Users;

public sealed record FindEndUsers(string? Search = null, int? Page = null, int? PageSize = null) : IQuery<Page<EndUserDto>>, ITenantAdminRequest;

public sealed class FindEndUsersHandler(IEndUserRepository users) : IQueryHandler<FindEndUsers, Page<EndUserDto>>
{
    public async ValueTask<Page<EndUserDto>> Handle(FindEndUsers query, CancellationToken cancellationToken)
    {
        var (page, size) = Paging.Normalize(query.Page, query.PageSize);
        var result = await users.SearchAsync(query.Search?.Trim(), page, size, cancellationToken);
        return new Page<EndUserDto>(result.Items.Select(EndUserDto.From).ToList(), result.PageNumber, result.PageSize, result.TotalCount);
    }
}
