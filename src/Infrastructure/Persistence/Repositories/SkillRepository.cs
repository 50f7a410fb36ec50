using AlexaLinkHub.Application.Skills;
using AlexaLinkHub.Domain.Skills;
using Microsoft.EntityFrameworkCore;

namespace AlexaLinkHub.Infrastructure.Persistence.Repositories;

internal sealed class SkillRepository(AppDbContext db) : ISkillRepository
{
    public Task<Skill?> FindByClientIdAsync(string clientId, CancellationToken cancellationToken) =>
        db.Skills.FirstOrDefaultAsync(s => s.ClientId == clientId, cancellationToken);

    // Uniqueness is global, so this one look crosses tenants; it answers only yes or no.
    public Task<bool> ClientIdExistsAsync(string clientId, CancellationToken cancellationToken) =>
        db.Skills.IgnoreQueryFilters().AnyAsync(s => s.ClientId == clientId, cancellationToken);

    public async Task<IReadOnlyList<Skill>> ListAsync(CancellationToken cancellationToken) =>
        await db.Skills.OrderBy(s => s.Name).ThenBy(s => s.ClientId).ToListAsync(cancellationToken);

    public void Add(Skill skill) => db.Skills.Add(skill);
}
