using AlexaLinkHub.Application.Common.Interfaces;
using Mediator;

namespace AlexaLinkHub.Application.UserImports;

/// <summary>The tenant's latest imports, newest first.</summary>
public sealed record ListUserImports(int Max = 20) : IQuery<IReadOnlyList<UserImportDto>>, ITenantAdminRequest;

public sealed class ListUserImportsHandler(IUserImportRepository imports) : IQueryHandler<ListUserImports, IReadOnlyList<UserImportDto>>
{
    public async ValueTask<IReadOnlyList<UserImportDto>> Handle(ListUserImports query, CancellationToken cancellationToken) =>
        (await imports.ListRecentAsync(Math.Clamp(query.Max, 1, 100), cancellationToken)).Select(UserImportDto.From).ToList();
}
