using AlexaLinkHub.Domain.Common;

namespace AlexaLinkHub.Domain.Skills;

/// <summary>An Alexa skill of a tenant, registered as an OAuth client. Its limits are Alexa's own (15 scopes, 30 domains).</summary>
public sealed class Skill : ITenantOwned
{
    public const int NameMaxLength = 100;
    public const int MaxScopes = 15;
    public const int MaxDomains = 30;
    public const int MaxRedirectUrls = 20;

    /// <summary>Alexa refuses tokens that live shorter than this.</summary>
    public static readonly TimeSpan MinAccessTokenLifetime = TimeSpan.FromSeconds(360);
    public static readonly TimeSpan MaxAccessTokenLifetime = TimeSpan.FromDays(3650);

    /// <summary>Implicit tokens cannot be refreshed: when one expires Alexa silently unlinks the user, so the default is
    /// long (ten years) and revocation — not expiry — is the control. Code-grant tokens default to one hour.</summary>
    public static readonly TimeSpan DefaultImplicitAccessTokenLifetime = TimeSpan.FromDays(3650);
    public static readonly TimeSpan DefaultCodeAccessTokenLifetime = TimeSpan.FromHours(1);

    /// <summary>Code grant: an expired refresh token silently unlinks the user, so refresh tokens live long by default
    /// (Amazon's own sample uses the ten-year maximum); each use rotates it and restarts the clock.</summary>
    public static readonly TimeSpan DefaultRefreshTokenLifetime = TimeSpan.FromDays(3650);
    public static readonly TimeSpan MinRefreshTokenLifetime = TimeSpan.FromDays(1);
    public static readonly TimeSpan MaxRefreshTokenLifetime = TimeSpan.FromDays(3650);

    private List<SkillScope> _scopes = [];
    private List<string> _domains = [];
    private List<string> _redirectUrls = [];

    private Skill()
    {
        Name = null!;
        ClientId = null!;
        ClientSecretHash = null!;
    }

    public Guid Id { get; private set; }
    public Guid TenantId { get; private set; }
    public string Name { get; private set; }
    public string ClientId { get; private set; }
    public GrantType GrantType { get; private set; }
    public IReadOnlyList<SkillScope> Scopes => _scopes;
    public IReadOnlyList<string> Domains => _domains;
    public IReadOnlyList<string> RedirectUrls => _redirectUrls;
    public string ClientSecretHash { get; private set; }
    public string? PreviousClientSecretHash { get; private set; }
    public DateTimeOffset? PreviousSecretValidUntil { get; private set; }
    public int AccessTokenLifetimeSeconds { get; private set; }
    public int RefreshTokenLifetimeSeconds { get; private set; }
    public bool Enabled { get; private set; }
    public DateTimeOffset CreatedAt { get; private set; }
    public DateTimeOffset UpdatedAt { get; private set; }

    public TimeSpan AccessTokenLifetime => TimeSpan.FromSeconds(AccessTokenLifetimeSeconds);
    public TimeSpan RefreshTokenLifetime => TimeSpan.FromSeconds(RefreshTokenLifetimeSeconds);

    public static Skill Register(
        Guid tenantId,
        string name,
        string clientId,
        GrantType grantType,
        IEnumerable<SkillScope> scopes,
        IEnumerable<string> domains,
        IEnumerable<string> redirectUrls,
        TimeSpan? accessTokenLifetime,
        string clientSecretHash,
        DateTimeOffset now,
        TimeSpan? refreshTokenLifetime = null)
    {
        if (tenantId == Guid.Empty)
            throw new DomainException("A skill belongs to a tenant.");
        var skill = new Skill
        {
            Id = Guid.CreateVersion7(now),
            TenantId = tenantId,
            ClientId = Skills.ClientId.Validate(clientId),
            ClientSecretHash = RequireHash(clientSecretHash),
            Enabled = true,
            CreatedAt = now,
        };
        skill.Update(name, grantType, scopes, domains, redirectUrls, accessTokenLifetime, now, refreshTokenLifetime);
        return skill;
    }

    /// <summary>Replaces the whole configuration (what a PUT means). A null lifetime means the grant type's default.</summary>
    public void Update(
        string name,
        GrantType grantType,
        IEnumerable<SkillScope> scopes,
        IEnumerable<string> domains,
        IEnumerable<string> redirectUrls,
        TimeSpan? accessTokenLifetime,
        DateTimeOffset now,
        TimeSpan? refreshTokenLifetime = null)
    {
        if (!Enum.IsDefined(grantType))
            throw new DomainException(GrantTypeNames.InvalidMessage, "grantType");
        var newName = ValidateName(name);
        var newScopes = ValidateScopes(scopes);
        var newDomains = ValidateDomains(domains);
        var newRedirectUrls = ValidateRedirectUrls(redirectUrls);
        var lifetime = CheckAccessTokenLifetime(accessTokenLifetime ?? (grantType == GrantType.Implicit ? DefaultImplicitAccessTokenLifetime : DefaultCodeAccessTokenLifetime));
        var refresh = CheckRefreshTokenLifetime(refreshTokenLifetime ?? DefaultRefreshTokenLifetime);

        Name = newName;
        GrantType = grantType;
        _scopes = newScopes;
        _domains = newDomains;
        _redirectUrls = newRedirectUrls;
        AccessTokenLifetimeSeconds = (int)lifetime.TotalSeconds;
        RefreshTokenLifetimeSeconds = (int)refresh.TotalSeconds;
        UpdatedAt = now;
    }

    public bool HasScope(string scope) => _scopes.Exists(s => string.Equals(s.Name, scope, StringComparison.Ordinal));

    /// <summary>Redirect URIs are compared byte for byte (RFC 6749 §3.1.2.3 with no normalisation): Alexa's carry a
    /// <c>?vendorId=</c> query that must match exactly.</summary>
    public bool HasRedirectUrl(string redirectUrl) => _redirectUrls.Contains(redirectUrl, StringComparer.Ordinal);

    /// <summary>Installs a new secret. The old one stays valid until <paramref name="now"/> + <paramref name="overlap"/>,
    /// because Alexa keeps presenting it until the vendor edits the developer console.</summary>
    public void RotateSecret(string newSecretHash, DateTimeOffset now, TimeSpan overlap)
    {
        if (overlap < TimeSpan.Zero)
            throw new DomainException("The overlap must not be negative.", "overlap");
        var newHash = RequireHash(newSecretHash);
        PreviousClientSecretHash = overlap > TimeSpan.Zero ? ClientSecretHash : null;
        PreviousSecretValidUntil = overlap > TimeSpan.Zero ? now + overlap : null;
        ClientSecretHash = newHash;
        UpdatedAt = now;
    }

    /// <summary>The admin ends the overlap early (e.g. after updating the Alexa console, or after a leak).</summary>
    public void EndSecretOverlap(DateTimeOffset now)
    {
        PreviousClientSecretHash = null;
        PreviousSecretValidUntil = null;
        UpdatedAt = now;
    }

    public bool IsPreviousSecretValid(DateTimeOffset now) =>
        PreviousClientSecretHash is not null && PreviousSecretValidUntil is { } until && now < until;

    /// <summary>The hashes of the secrets a client may authenticate with at <paramref name="now"/>: the current one, and
    /// the previous one while its overlap lasts.</summary>
    public IEnumerable<string> SecretHashesAcceptedAt(DateTimeOffset now)
    {
        yield return ClientSecretHash;
        if (IsPreviousSecretValid(now))
            yield return PreviousClientSecretHash!;
    }

    public void Disable(DateTimeOffset now)
    {
        Enabled = false;
        UpdatedAt = now;
    }

    public void Enable(DateTimeOffset now)
    {
        Enabled = true;
        UpdatedAt = now;
    }

    // Each rule of a skill's configuration, one message each. Registration and update check them all (above); the
    // commands' validators run the same checks field by field, so a caller hears of every bad field at once.

    public static string ValidateName(string? name) => Guard.Text(name, "Name", NameMaxLength);

    public static void CheckScopeCount(int count)
    {
        if (count > MaxScopes)
            throw new DomainException($"A skill can have at most {MaxScopes} scopes (Alexa's limit); {count} were given.", "scopes");
    }

    public static void CheckDistinctScopes(IEnumerable<string?> names)
    {
        var duplicate = names.GroupBy(n => n, StringComparer.Ordinal).FirstOrDefault(g => g.Count() > 1);
        if (duplicate is not null)
            throw new DomainException($"The scope '{duplicate.Key}' is listed twice.", "scopes");
    }

    public static void CheckDomainCount(int count)
    {
        if (count > MaxDomains)
            throw new DomainException($"A skill can have at most {MaxDomains} domains (Alexa's limit); {count} were given.", "domains");
    }

    public static void CheckRedirectUrlCount(int count)
    {
        if (count == 0)
            throw new DomainException("At least one redirect URL is required (copy them from the Alexa console).", "redirectUrls");
        if (count > MaxRedirectUrls)
            throw new DomainException($"A skill can have at most {MaxRedirectUrls} redirect URLs.", "redirectUrls");
    }

    public static TimeSpan CheckAccessTokenLifetime(TimeSpan lifetime) =>
        lifetime < MinAccessTokenLifetime || lifetime > MaxAccessTokenLifetime
            ? throw new DomainException($"accessTokenLifetimeSeconds must be between {(int)MinAccessTokenLifetime.TotalSeconds} (Alexa's minimum) and {(int)MaxAccessTokenLifetime.TotalSeconds}.", "accessTokenLifetimeSeconds")
            : lifetime;

    public static TimeSpan CheckRefreshTokenLifetime(TimeSpan lifetime) =>
        lifetime < MinRefreshTokenLifetime || lifetime > MaxRefreshTokenLifetime
            ? throw new DomainException($"refreshTokenLifetimeSeconds must be between {(int)MinRefreshTokenLifetime.TotalSeconds} (one day) and {(int)MaxRefreshTokenLifetime.TotalSeconds} (ten years).", "refreshTokenLifetimeSeconds")
            : lifetime;

    private static string RequireHash(string hash) =>
        string.IsNullOrWhiteSpace(hash) ? throw new DomainException("A client secret is required.") : hash;

    private static List<SkillScope> ValidateScopes(IEnumerable<SkillScope> scopes)
    {
        var list = (scopes ?? []).ToList();
        CheckScopeCount(list.Count);
        CheckDistinctScopes(list.Select(s => s.Name));
        return list;
    }

    private static List<string> ValidateDomains(IEnumerable<string> domains)
    {
        var list = (domains ?? []).Select((domain, i) => SkillDomain.Validate(domain, i)).ToList();
        CheckDomainCount(list.Count);
        return list.Distinct(StringComparer.Ordinal).ToList();
    }

    private static string ValidateRedirectUrl(string url, int index)
    {
        var field = $"redirectUrls[{index}]";
        var valid = WebUrl.RequireHttps(url, field);
        return ConsoleTestLink.IsConsoleAddress(valid)
            ? throw new DomainException($"{field} is the console's test address; a skill cannot register it.", field)
            : valid;
    }

    private static List<string> ValidateRedirectUrls(IEnumerable<string> redirectUrls)
    {
        var list = (redirectUrls ?? []).Select((url, i) => ValidateRedirectUrl(url, i)).ToList();
        CheckRedirectUrlCount(list.Count);
        return list.Distinct(StringComparer.Ordinal).ToList();
    }
}
