using AlexaLinkHub.Application.Common.Interfaces;
using AlexaLinkHub.Application.Common.Models;
using Mediator;

namespace AlexaLinkHub.Application.Tenants;

public sealed record ListTenants(int? Page = null, int? PageSize = null) : IQuery<Page<TenantDto>>, IPlatformAdminRequest;

public sealed class ListTenantsHandler(ITenantRepository tenants, IPublicUrls urls) : IQueryHandler<ListTenants, Page<TenantDto>>
{
    public async ValueTask<Page<TenantDto>> Handle(ListTenants query, CancellationToken cancellationToken)
    {
        var (page, size) = Paging.Normalize(query.Page, query.PageSize);
        var result = await tenants.ListAsync(page, size, cancellationToken);
        return new Page<TenantDto>(result.Items.Select(t => TenantDto.From(t, urls)).ToList(), result.PageNumber, result.PageSize, result.TotalCount);
    }
}
