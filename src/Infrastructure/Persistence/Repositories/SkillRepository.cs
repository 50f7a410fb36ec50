using System.Linq.Expressions;
using AlexaLinkHub.Application.Skills;
using AlexaLinkHub.Domain.Skills;
using Microsoft.EntityFrameworkCore;

namespace AlexaLinkHub.Infrastructure.Persistence.Repositories;

internal sealed class SkillRepository(AppDbContext db) : ISkillRepository
{
    public Task<Skill?> FindByClientIdAsync(string clientId, CancellationToken cancellationToken) =>
        db.Skills.FirstLoadedOrStoredAsync(skills => skills, s => s.ClientId == clientId, cancellationToken);

    public Task<Skill?> FindClientAsync(string clientId, CancellationToken cancellationToken) =>
        db.FindClientAsync(s => s.ClientId == clientId, cancellationToken);

    // Uniqueness is global, so this one look crosses tenants; it answers only yes or no.
    public Task<bool> ClientIdExistsAsync(string clientId, CancellationToken cancellationToken) =>
        db.Skills.IgnoreQueryFilters().AnyAsync(s => s.ClientId == clientId, cancellationToken);

    public async Task<IReadOnlyList<Skill>> ListAsync(CancellationToken cancellationToken) =>
        await db.Skills.OrderBy(s => s.Name).ThenBy(s => s.ClientId).ToListAsync(cancellationToken);

    public void Add(Skill skill) => db.Skills.Add(skill);
}

internal static class SkillQueries
{
    /// <summary>The skills that act as OAuth clients: a disabled skill is an unknown client (its tokens stop working
    /// too, see RejectInactiveSubjects). The one place this rule is written.</summary>
    public static IQueryable<Skill> Clients(this IQueryable<Skill> skills) => skills.Where(s => s.Enabled);

    /// <summary>A client of the tenant in scope — read once per request (the OAuth server validating the request, then
    /// the page, then the link, all get the same skill).</summary>
    public static Task<Skill?> FindClientAsync(this AppDbContext db, Expression<Func<Skill, bool>> match, CancellationToken cancellationToken) =>
        db.Skills.FirstLoadedOrStoredAsync(Clients, match, cancellationToken);
}
