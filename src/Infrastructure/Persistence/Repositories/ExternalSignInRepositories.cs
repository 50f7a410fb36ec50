using AlexaLinkHub.Application.ExternalSignIn;
using AlexaLinkHub.Domain.ExternalSignIn;
using Microsoft.EntityFrameworkCore;

namespace AlexaLinkHub.Infrastructure.Persistence.Repositories;

internal sealed class IdentityProviderRepository(AppDbContext db) : IIdentityProviderRepository
{
    public async Task<IReadOnlyList<IdentityProvider>> ListAsync(CancellationToken cancellationToken) =>
        await db.Set<IdentityProvider>().OrderBy(p => p.Name).ToListAsync(cancellationToken);

    public Task<IdentityProvider?> FindByNameAsync(string name, CancellationToken cancellationToken) =>
        db.Set<IdentityProvider>().FirstOrDefaultAsync(p => p.Name == name, cancellationToken);

    public void Add(IdentityProvider provider) => db.Add(provider);

    public async Task RemoveAsync(IdentityProvider provider, CancellationToken cancellationToken)
    {
        // The identities connected through it go with it (NoAction in the database: see ExternalLoginConfiguration).
        db.RemoveRange(await db.Set<ExternalLogin>().Where(l => l.ProviderId == provider.Id).ToListAsync(cancellationToken));
        db.Remove(provider);
    }
}

internal sealed class ExternalLoginRepository(AppDbContext db) : IExternalLoginRepository
{
    public Task<ExternalLogin?> FindAsync(Guid providerId, string subject, CancellationToken cancellationToken) =>
        db.Set<ExternalLogin>().FirstOrDefaultAsync(l => l.ProviderId == providerId && l.Subject == subject, cancellationToken);

    public async Task<IReadOnlyList<ExternalLogin>> ListOfUserAsync(Guid userId, CancellationToken cancellationToken) =>
        await db.Set<ExternalLogin>().Where(l => l.UserId == userId).OrderBy(l => l.CreatedAt).ToListAsync(cancellationToken);

    public void Add(ExternalLogin login) => db.Add(login);

    public void Remove(ExternalLogin login) => db.Remove(login);
}
