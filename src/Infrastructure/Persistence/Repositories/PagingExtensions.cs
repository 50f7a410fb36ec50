using AlexaLinkHub.Application.Common.Models;
using Microsoft.EntityFrameworkCore;

namespace AlexaLinkHub.Infrastructure.Persistence.Repositories;

internal static class PagingExtensions
{
    public static async Task<Page<T>> ToPageAsync<T>(this IQueryable<T> query, int page, int pageSize, CancellationToken cancellationToken)
    {
        var total = await query.CountAsync(cancellationToken);
        var items = await query.Skip((page - 1) * pageSize).Take(pageSize).ToListAsync(cancellationToken);
        return new Page<T>(items, page, pageSize, total);
    }
}
