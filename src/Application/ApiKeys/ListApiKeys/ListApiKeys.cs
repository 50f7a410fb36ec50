using AlexaLinkHub.Application.Common.Interfaces;
using AlexaLinkHub.Application.Common.Tenancy;
using Mediator;

namespace AlexaLinkHub.Application.ApiKeys;

public sealed record ListApiKeys : IQuery<IReadOnlyList<ApiKeyDto>>, ITenantAdminRequest;

public sealed class ListApiKeysHandler(IApiKeyRepository keys, ITenantContext scope) : IQueryHandler<ListApiKeys, IReadOnlyList<ApiKeyDto>>
{
    public async ValueTask<IReadOnlyList<ApiKeyDto>> Handle(ListApiKeys query, CancellationToken cancellationToken) =>
        (await keys.ListForTenantAsync(scope.RequiredTenantId, cancellationToken)).Select(ApiKeyDto.From).ToList();
}
