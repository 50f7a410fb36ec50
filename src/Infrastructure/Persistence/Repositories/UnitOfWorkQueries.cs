using System.Linq.Expressions;
using Microsoft.EntityFrameworkCore;

namespace AlexaLinkHub.Infrastructure.Persistence.Repositories;

internal static class UnitOfWorkQueries
{
    /// <summary>The first entity <paramref name="query"/> selects among those this request's unit of work already holds
    /// (an earlier step of the request read it: the session check, the OAuth server validating the request), else from
    /// the database — so one request reads a skill or a user once however many steps ask for it.</summary>
    public static async Task<T?> FirstLoadedOrStoredAsync<T>(this DbSet<T> set, Func<IQueryable<T>, IQueryable<T>> query, Expression<Func<T, bool>> match, CancellationToken cancellationToken)
        where T : class =>
        query(set.Local.AsQueryable()).FirstOrDefault(match) ?? await query(set).FirstOrDefaultAsync(match, cancellationToken);
}
