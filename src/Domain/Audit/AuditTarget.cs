namespace AlexaLinkHub.Domain.Audit;

/// <summary>What an audit event is about, named as the trail stores and filters it: <c>user:{id}</c>,
/// <c>skill:{clientId}</c>, <c>tenant:{slug}</c>… The one place these names are spelled.</summary>
public readonly record struct AuditTarget
{
    private AuditTarget(string value) => Value = value;

    public string Value { get; }

    public static AuditTarget UnknownUser { get; } = new("user:unknown");
    public static AuditTarget UnknownAdmin { get; } = new("admin:unknown");
    public static AuditTarget AuditLog { get; } = new("audit-log");
    public static AuditTarget LegacySignIn { get; } = new("legacy-sign-in");

    public static AuditTarget User(Guid id) => new($"user:{id}");

    public static AuditTarget Admin(string email) => new($"admin:{email}");

    public static AuditTarget ApiKey(string prefix) => new($"api-key:{prefix}");

    public static AuditTarget Skill(string clientId) => new($"skill:{clientId}");

    public static AuditTarget Tenant(string slug) => new($"tenant:{slug}");

    public static AuditTarget Webhook(Guid id) => new($"webhook:{id}");

    public static AuditTarget UserImport(Guid id) => new($"import:{id}");
    public static AuditTarget IdentityProvider(string name) => new($"identity-provider:{name}");

    public static AuditTarget SigningKey(string keyId) => new($"key:{keyId}");

    public override string ToString() => Value;
}
