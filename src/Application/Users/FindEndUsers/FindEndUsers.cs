using AlexaLinkHub.Application.Common.Interfaces;
using AlexaLinkHub.Application.Common.Models;
using AlexaLinkHub.Application.Common.Tenancy;
using AlexaLinkHub.Domain.Users;
using Mediator;

namespace AlexaLinkHub.Application.Users;

/// <summary>The tenant's users by email, a page at a time. <see cref="Search"/>: the user whose external id it is
/// exactly, else the users whose email starts with it (case-insensitive) — both indexed lookups, fast at a million
/// users. <see cref="After"/> is a page's <c>next</c> or <c>previous</c> cursor and wins over <see cref="Page"/>.</summary>
public sealed record FindEndUsers(string? Search = null, int? Page = null, int? PageSize = null, string? After = null)
    : IQuery<Page<EndUserDto>>, ITenantAdminRequest;

public sealed class FindEndUsersHandler(IEndUserRepository users, ITenantContext tenant) : IQueryHandler<FindEndUsers, Page<EndUserDto>>
{
    public async ValueTask<Page<EndUserDto>> Handle(FindEndUsers query, CancellationToken cancellationToken)
    {
        var search = string.IsNullOrWhiteSpace(query.Search) ? null : query.Search.Trim();
        var scope = new ListScope("users", tenant.RequiredTenantId, search);
        var request = ListCursor.Request(scope, query.After, query.Page, query.PageSize, key => key.Length == 1 ? key[0] : null);
        var firstPage = request.Read is { From: null, Skip: 0 };
        if (search is not null && firstPage && await users.FindByExternalIdAsync(search, cancellationToken) is { } byExternalId)
            return new Page<EndUserDto>([EndUserDto.From(byExternalId)], 1, request.Size, 1);
        var prefix = search is null ? null : EmailAddress.Normalize(search);
        var rows = await users.ListByEmailAsync(prefix, request.Read, cancellationToken);
        var counted = await users.CountByEmailAsync(prefix, ListCursor.CountCap + 1, cancellationToken);
        return ListCursor.Page(scope, request, rows, counted, u => [u.NormalizedEmail], EndUserDto.From);
    }
}
