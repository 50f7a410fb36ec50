using AlexaLinkHub.Domain.Admins;

namespace AlexaLinkHub.Application.Admins;

/// <summary>Who a signed-in admin is and what they may administer, as the admin UI's session carries it. The security
/// stamp changes with the password (and "sign out everywhere", and an MFA reset), which ends sessions started before.
/// <see cref="MustEnrolMfa"/>: a second factor is required and the admin has none yet — the UI lets them do nothing
/// else until they enrol one. <see cref="TenantRoles"/>: the tenants they may enter (enabled memberships) with their role.</summary>
public sealed record AdminIdentity(Guid AdminId, string Email, bool IsPlatformAdmin, IReadOnlyDictionary<Guid, AdminRole> TenantRoles, string SecurityStamp, bool HasMfa, bool MustEnrolMfa)
{
    public IReadOnlyList<Guid> TenantIds => TenantRoles.Keys.ToList();

    public static AdminIdentity From(AdminUser admin, bool mustEnrolMfa) =>
        new(admin.Id, admin.Email, admin.IsPlatformAdmin, admin.ActiveMemberships.ToDictionary(m => m.TenantId, m => m.Role), admin.SecurityStamp, admin.HasMfa, mustEnrolMfa);
}

/// <summary>Configuration section <c>AdminSignIn</c>: lockout of the admin sign-in page, and invitation links.</summary>
public sealed class AdminSignInOptions
{
    public const string SectionName = "AdminSignIn";

    public int MaxFailedAttempts { get; set; } = 5;
    public TimeSpan LockoutDuration { get; set; } = TimeSpan.FromMinutes(15);
    public TimeSpan InvitationLifetime { get; set; } = TimeSpan.FromDays(7);

    /// <summary>How long a "forgot password" link works (single use either way).</summary>
    public TimeSpan PasswordResetLifetime { get; set; } = TimeSpan.FromHours(1);
}

/// <summary>Configuration section <c>Onboarding</c>.</summary>
public sealed class OnboardingOptions
{
    public const string SectionName = "Onboarding";

    /// <summary>Vendors may sign up on their own from the admin sign-in page (on by default).</summary>
    public bool SelfService { get; set; } = true;
}
