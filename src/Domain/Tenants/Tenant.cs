using AlexaLinkHub.Domain.Common;

namespace AlexaLinkHub.Domain.Tenants;

/// <summary>A skill vendor. Everything an end user or a skill backend touches lives under <c>/t/{Slug}</c>.</summary>
[GlobalEntity("The tenant is the unit of isolation itself; it is resolved by slug before any tenant is known.")]
public sealed class Tenant
{
    public const int DisplayNameMaxLength = 100;

    private Tenant()
    {
        Slug = null!;
        DisplayName = null!;
        Branding = Branding.Default;
    }

    private readonly List<BrandingText> _texts = [];

    public Guid Id { get; private set; }
    public string Slug { get; private set; }
    public string DisplayName { get; private set; }
    public TenantStatus Status { get; private set; }
    public Branding Branding { get; private set; }

    /// <summary>The tenant's own page texts, at most one per language.</summary>
    public IReadOnlyList<BrandingText> Texts => _texts;
    public DateTimeOffset CreatedAt { get; private set; }
    public DateTimeOffset? SuspendedAt { get; private set; }

    /// <summary>End users may create an account from the login page (Alexa: a user who meets the vendor through Alexa
    /// must be able to sign up and link in one go). On by default.</summary>
    public bool SignUpEnabled { get; private set; }

    /// <summary>New accounts must confirm their email address before they can sign in. Off by default.</summary>
    public bool EmailConfirmationRequired { get; private set; }

    /// <summary>Every admin of this tenant must sign in with a second factor (enrolment is forced at their next request).</summary>
    public bool AdminsMustUseMfa { get; private set; }

    public bool IsActive => Status == TenantStatus.Active;

    public static Tenant Create(string slug, string displayName, DateTimeOffset now) => new()
    {
        Id = Guid.CreateVersion7(now),
        Slug = TenantSlug.Validate(slug),
        DisplayName = ValidateDisplayName(displayName),
        Status = TenantStatus.Active,
        Branding = Branding.Default,
        CreatedAt = now,
        SignUpEnabled = true,
    };

    public void Rename(string displayName) => DisplayName = ValidateDisplayName(displayName);

    /// <summary>A tenant's name as its end users see it. <paramref name="label"/> is what the form calls it (a vendor
    /// signing up names their "Organization").</summary>
    public static string ValidateDisplayName(string? displayName, string label = "Display name") => Guard.Text(displayName, label, DisplayNameMaxLength);

    public void ChangeBranding(Branding branding) => Branding = branding ?? throw new ArgumentNullException(nameof(branding));

    /// <summary>Sets the texts of each language given (an empty one removes that language's); the others stay.</summary>
    public void ChangeTexts(IEnumerable<BrandingText> texts)
    {
        foreach (var text in texts)
        {
            _texts.RemoveAll(t => t.Language == text.Language);
            if (!text.IsEmpty)
                _texts.Add(text);
        }
    }

    public void ConfigureSignUp(bool signUpEnabled, bool emailConfirmationRequired)
    {
        SignUpEnabled = signUpEnabled;
        EmailConfirmationRequired = emailConfirmationRequired;
    }

    public void RequireAdminMfa(bool required) => AdminsMustUseMfa = required;

    public void Suspend(DateTimeOffset now)
    {
        if (Status == TenantStatus.Suspended)
            return;
        Status = TenantStatus.Suspended;
        SuspendedAt = now;
    }

    public void Reactivate()
    {
        Status = TenantStatus.Active;
        SuspendedAt = null;
    }
}
