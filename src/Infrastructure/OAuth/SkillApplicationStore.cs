using System.Collections.Immutable;
using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text.Json;
using AlexaLinkHub.Domain.Skills;
using AlexaLinkHub.Infrastructure.Persistence;
using AlexaLinkHub.Infrastructure.Persistence.Repositories;
using Microsoft.EntityFrameworkCore;
using Microsoft.IdentityModel.Tokens;
using OpenIddict.Abstractions;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace AlexaLinkHub.Infrastructure.OAuth;

/// <summary>OpenIddict's clients are the enabled skills of the tenant in scope, read from <see cref="Skill"/> itself: this
/// store is the one place a client is looked up, and what it answers (redirect URIs, permissions, secret) is derived
/// from the skill on every read, so there is nothing to keep in step. A disabled skill is an unknown client here and
/// nowhere else. Clients are registered and changed as skills (RegisterSkill, UpdateSkill, …), never through OpenIddict,
/// so every write is refused. See docs/decisions/011.</summary>
internal sealed class SkillApplicationStore(AppDbContext db) : IOpenIddictApplicationStore<OAuthApplication>
{
    private IQueryable<Skill> Clients => db.Skills.AsNoTracking().Clients();

    public async ValueTask<OAuthApplication?> FindByClientIdAsync(string identifier, CancellationToken cancellationToken) =>
        Track(await db.FindClientAsync(s => s.ClientId == identifier, cancellationToken));

    public async ValueTask<OAuthApplication?> FindByIdAsync(string identifier, CancellationToken cancellationToken) =>
        Guid.TryParse(identifier, out var id) ? Track(await db.FindClientAsync(s => s.Id == id, cancellationToken)) : null;

    public async IAsyncEnumerable<OAuthApplication> FindByRedirectUriAsync(string uri, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        foreach (var skill in await Clients.ToListAsync(cancellationToken))
        {
            if (skill.HasRedirectUrl(uri))
                yield return OAuthApplication.Of(skill);
        }
    }

    // Skills have no front-channel logout: no client has a post-logout redirect URI.
    public IAsyncEnumerable<OAuthApplication> FindByPostLogoutRedirectUriAsync(string uri, CancellationToken cancellationToken) =>
        AsyncEnumerable.Empty<OAuthApplication>();

    public async ValueTask<long> CountAsync(CancellationToken cancellationToken) => await Clients.LongCountAsync(cancellationToken);

    public async ValueTask<long> CountAsync<TResult>(Func<IQueryable<OAuthApplication>, IQueryable<TResult>> query, CancellationToken cancellationToken) =>
        query(await ViewsAsync(null, null, cancellationToken)).LongCount();

    public async ValueTask<TResult?> GetAsync<TState, TResult>(Func<IQueryable<OAuthApplication>, TState, IQueryable<TResult>> query, TState state, CancellationToken cancellationToken) =>
        query(await ViewsAsync(null, null, cancellationToken), state).FirstOrDefault();

    public async IAsyncEnumerable<OAuthApplication> ListAsync(int? count, int? offset, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        foreach (var application in await ViewsAsync(count, offset, cancellationToken))
            yield return application;
    }

    public async IAsyncEnumerable<TResult> ListAsync<TState, TResult>(Func<IQueryable<OAuthApplication>, TState, IQueryable<TResult>> query, TState state, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        foreach (var result in query(await ViewsAsync(null, null, cancellationToken), state))
            yield return result;
    }

    public ValueTask<string?> GetIdAsync(OAuthApplication application, CancellationToken cancellationToken) =>
        ValueTask.FromResult<string?>(application.Id.ToString());

    public ValueTask<string?> GetClientIdAsync(OAuthApplication application, CancellationToken cancellationToken) =>
        ValueTask.FromResult<string?>(SkillOf(application).ClientId);

    /// <summary>The SHA-256 of the current secret; <see cref="SkillApplicationManager"/> also accepts the previous one
    /// during its overlap (the skill decides which secrets it accepts).</summary>
    public ValueTask<string?> GetClientSecretAsync(OAuthApplication application, CancellationToken cancellationToken) =>
        ValueTask.FromResult<string?>(SkillOf(application).ClientSecretHash);

    // Alexa authenticates with the secret at the token endpoint, and skill backends at introspection.
    public ValueTask<string?> GetClientTypeAsync(OAuthApplication application, CancellationToken cancellationToken) =>
        ValueTask.FromResult<string?>(ClientTypes.Confidential);

    // The consent page always asks (Alexa's flow expects the user to allow the link).
    public ValueTask<string?> GetConsentTypeAsync(OAuthApplication application, CancellationToken cancellationToken) =>
        ValueTask.FromResult<string?>(ConsentTypes.Explicit);

    public ValueTask<string?> GetApplicationTypeAsync(OAuthApplication application, CancellationToken cancellationToken) =>
        ValueTask.FromResult<string?>(ApplicationTypes.Web);

    public ValueTask<string?> GetDisplayNameAsync(OAuthApplication application, CancellationToken cancellationToken) =>
        ValueTask.FromResult<string?>(SkillOf(application).Name);

    public ValueTask<ImmutableDictionary<CultureInfo, string>> GetDisplayNamesAsync(OAuthApplication application, CancellationToken cancellationToken) =>
        ValueTask.FromResult(ImmutableDictionary<CultureInfo, string>.Empty);

    public ValueTask<ImmutableArray<string>> GetRedirectUrisAsync(OAuthApplication application, CancellationToken cancellationToken) =>
        ValueTask.FromResult(SkillOf(application).RedirectUrls.ToImmutableArray());

    public ValueTask<ImmutableArray<string>> GetPostLogoutRedirectUrisAsync(OAuthApplication application, CancellationToken cancellationToken) =>
        ValueTask.FromResult(ImmutableArray<string>.Empty);

    public ValueTask<ImmutableArray<string>> GetPermissionsAsync(OAuthApplication application, CancellationToken cancellationToken) =>
        ValueTask.FromResult(Permissions(SkillOf(application)).ToImmutableArray());

    // PKCE stays optional (Alexa sends a challenge only when the console says so); ValidateRequestedScopes and the
    // server options hold the other rules.
    public ValueTask<ImmutableArray<string>> GetRequirementsAsync(OAuthApplication application, CancellationToken cancellationToken) =>
        ValueTask.FromResult(ImmutableArray<string>.Empty);

    // Token lifetimes are the skill's, set on each token's principal (TokenClaims), not client settings.
    public ValueTask<ImmutableDictionary<string, string>> GetSettingsAsync(OAuthApplication application, CancellationToken cancellationToken) =>
        ValueTask.FromResult(ImmutableDictionary<string, string>.Empty);

    public ValueTask<ImmutableDictionary<string, JsonElement>> GetPropertiesAsync(OAuthApplication application, CancellationToken cancellationToken) =>
        ValueTask.FromResult(ImmutableDictionary<string, JsonElement>.Empty);

    public ValueTask<JsonWebKeySet?> GetJsonWebKeySetAsync(OAuthApplication application, CancellationToken cancellationToken) =>
        ValueTask.FromResult<JsonWebKeySet?>(null);

    /// <summary>What the skill may do: its grant type's endpoints and response type, and exactly its own scopes.</summary>
    internal static IEnumerable<string> Permissions(Skill skill)
    {
        yield return OpenIddictConstants.Permissions.Endpoints.Authorization;
        yield return OpenIddictConstants.Permissions.Endpoints.Introspection;
        yield return OpenIddictConstants.Permissions.Endpoints.Revocation;
        if (skill.GrantType == GrantType.Implicit)
        {
            yield return OpenIddictConstants.Permissions.GrantTypes.Implicit;
            yield return OpenIddictConstants.Permissions.ResponseTypes.Token;
        }
        else
        {
            yield return OpenIddictConstants.Permissions.Endpoints.Token;
            yield return OpenIddictConstants.Permissions.GrantTypes.AuthorizationCode;
            yield return OpenIddictConstants.Permissions.GrantTypes.RefreshToken;
            yield return OpenIddictConstants.Permissions.ResponseTypes.Code;
        }
        foreach (var scope in skill.Scopes)
            yield return OpenIddictConstants.Permissions.Prefixes.Scope + scope.Name;
    }

    public ValueTask<OAuthApplication> InstantiateAsync(CancellationToken cancellationToken) => throw Refused();

    public ValueTask CreateAsync(OAuthApplication application, CancellationToken cancellationToken) => throw Refused();

    public ValueTask UpdateAsync(OAuthApplication application, CancellationToken cancellationToken) => throw Refused();

    public ValueTask DeleteAsync(OAuthApplication application, CancellationToken cancellationToken) => throw Refused();

    public ValueTask SetApplicationTypeAsync(OAuthApplication application, string? type, CancellationToken cancellationToken) => throw Refused();

    public ValueTask SetClientIdAsync(OAuthApplication application, string? identifier, CancellationToken cancellationToken) => throw Refused();

    public ValueTask SetClientSecretAsync(OAuthApplication application, string? secret, CancellationToken cancellationToken) => throw Refused();

    public ValueTask SetClientTypeAsync(OAuthApplication application, string? type, CancellationToken cancellationToken) => throw Refused();

    public ValueTask SetConsentTypeAsync(OAuthApplication application, string? type, CancellationToken cancellationToken) => throw Refused();

    public ValueTask SetDisplayNameAsync(OAuthApplication application, string? name, CancellationToken cancellationToken) => throw Refused();

    public ValueTask SetDisplayNamesAsync(OAuthApplication application, ImmutableDictionary<CultureInfo, string> names, CancellationToken cancellationToken) => throw Refused();

    public ValueTask SetJsonWebKeySetAsync(OAuthApplication application, JsonWebKeySet? set, CancellationToken cancellationToken) => throw Refused();

    public ValueTask SetPermissionsAsync(OAuthApplication application, ImmutableArray<string> permissions, CancellationToken cancellationToken) => throw Refused();

    public ValueTask SetPostLogoutRedirectUrisAsync(OAuthApplication application, ImmutableArray<string> uris, CancellationToken cancellationToken) => throw Refused();

    public ValueTask SetPropertiesAsync(OAuthApplication application, ImmutableDictionary<string, JsonElement> properties, CancellationToken cancellationToken) => throw Refused();

    public ValueTask SetRedirectUrisAsync(OAuthApplication application, ImmutableArray<string> uris, CancellationToken cancellationToken) => throw Refused();

    public ValueTask SetRequirementsAsync(OAuthApplication application, ImmutableArray<string> requirements, CancellationToken cancellationToken) => throw Refused();

    public ValueTask SetSettingsAsync(OAuthApplication application, ImmutableDictionary<string, string> settings, CancellationToken cancellationToken) => throw Refused();

    private async Task<IQueryable<OAuthApplication>> ViewsAsync(int? count, int? offset, CancellationToken cancellationToken)
    {
        var skills = Clients.OrderBy(s => s.Id).Skip(offset ?? 0);
        var page = count is { } take ? await skills.Take(take).ToListAsync(cancellationToken) : await skills.ToListAsync(cancellationToken);
        return page.Select(s => OAuthApplication.Of(s)).AsQueryable();
    }

    /// <summary>The client of a skill read in this request, known to the unit of work (unchanged: nothing is written), so
    /// that OpenIddict's grant and token stores, which attach a client by its id, find it without another query.</summary>
    private OAuthApplication? Track(Skill? skill)
    {
        if (skill is null)
            return null;
        if (db.Set<OAuthApplication>().Local.FirstOrDefault(a => a.Id == skill.Id) is { } tracked)
            return tracked.Skill is null ? tracked.Attach(skill) : tracked;
        var application = OAuthApplication.Of(skill);
        db.Attach(application);
        return application;
    }

    private static Skill SkillOf(OAuthApplication application) =>
        application.Skill ?? throw new InvalidOperationException("A client is read through SkillApplicationStore, which attaches its skill.");

    private static NotSupportedException Refused() =>
        new("OAuth clients are skills: register and change them with the skill commands (RegisterSkill, UpdateSkill, RotateClientSecret, …).");
}
