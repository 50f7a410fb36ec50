using AlexaLinkHub.Domain.Users;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Options;
using OpenIddict.EntityFrameworkCore;

namespace AlexaLinkHub.Infrastructure.OAuth;

/// <summary>OpenIddict's token store, with the read of a presented token made the only read its check needs: the token
/// row, its client, its grant and its user in one indexed query (primary keys from the token's reference id). OpenIddict
/// then finds the token entry and the grant among what the request has tracked, and the user check
/// (<see cref="Handlers.RejectInactiveSubjects"/>) and userinfo find the user the same way. See docs/decisions/014.</summary>
internal sealed class TokenStore(IMemoryCache cache, IOpenIddictEntityFrameworkCoreContext context, IOptionsMonitor<OpenIddictEntityFrameworkCoreOptions> options)
    : OpenIddictEntityFrameworkCoreTokenStore<OAuthToken, OAuthApplication, OAuthAuthorization, Guid>(cache, context, options)
{
    public override ValueTask CreateAsync(OAuthToken token, CancellationToken cancellationToken)
    {
        token.UserId = Guid.TryParse(token.Subject, out var userId) ? userId : null;
        return base.CreateAsync(token, cancellationToken);
    }

    public override async ValueTask<OAuthToken?> FindByReferenceIdAsync(string identifier, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(identifier);
        var db = await Context.GetDbContextAsync(cancellationToken);
        foreach (var entry in db.ChangeTracker.Entries<OAuthToken>())
        {
            if (string.Equals(entry.Entity.ReferenceId, identifier, StringComparison.Ordinal))
                return entry.Entity;
        }
        var found = await (
            from token in db.Set<OAuthToken>().AsTracking()
            where token.ReferenceId == identifier
            join user in db.Set<EndUser>().AsTracking() on token.UserId equals (Guid?)user.Id into users
            from user in users.DefaultIfEmpty()
            select new { token, token.Application, token.Authorization, user }).FirstOrDefaultAsync(cancellationToken);
        return found?.token;
    }
}
