using AlexaLinkHub.Domain.Admins;

namespace AlexaLinkHub.Web.Admin;

/// <summary>What the admin layout shows about the request: who is signed in, and the tenant being administered.</summary>
public sealed class AdminSession
{
    public string? Email { get; init; }
    public bool IsPlatformAdmin { get; init; }
    public string? TenantSlug { get; set; }
    public string? TenantName { get; set; }
    public bool TenantSuspended { get; set; }

    /// <summary>The signed-in admin's role in the tenant of the page (the application enforces it; pages only leave out
    /// what the role may not do).</summary>
    public AdminRole? TenantRole { get; set; }

    public bool CanChange => TenantRole is AdminRole.Owner or AdminRole.Admin;
    public bool IsOwner => TenantRole is AdminRole.Owner;

    public bool SignedIn => Email is not null;
}

public static class AdminSessionExtensions
{
    public static AdminSession AdminSession(this HttpContext context) => context.Features.Get<AdminSession>() ?? new AdminSession();
}
