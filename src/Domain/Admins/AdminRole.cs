using AlexaLinkHub.Domain.Common;

namespace AlexaLinkHub.Domain.Admins;

/// <summary>What a member of a tenant's team (or a tenant API key) may do there. An owner manages the team; an admin
/// changes everything else; a viewer sees everything and changes nothing. No value is 0, so an unset role is never one
/// of them (and the database default of a column added to existing rows is written out, not implied).</summary>
public enum AdminRole
{
    Owner = 1,
    Admin = 2,
    Viewer = 3,
}

public static class AdminRoles
{
    /// <summary>The names the API and the forms use: <c>owner</c>, <c>admin</c>, <c>viewer</c>.</summary>
    public static IReadOnlyList<string> Names { get; } = [Name(AdminRole.Owner), Name(AdminRole.Admin), Name(AdminRole.Viewer)];

    public static string Name(this AdminRole role) => role.ToString().ToLowerInvariant();

    /// <summary>The role named <paramref name="name"/> (as in <see cref="Names"/>), or a refusal naming the field.</summary>
    public static AdminRole Parse(string? name, string field = "role") =>
        Enum.TryParse<AdminRole>(name?.Trim(), ignoreCase: true, out var role) && Enum.IsDefined(role) && !int.TryParse(name, out _)
            ? role
            : throw new DomainException($"Choose a role: {string.Join(", ", Names)}.", field);

    /// <summary>A tenant key's role as the API names it: admin when not named (<see cref="ApiKey.CreateTenantKey"/> refuses owner).</summary>
    public static AdminRole ParseKeyRole(string? name) => string.IsNullOrWhiteSpace(name) ? AdminRole.Admin : Parse(name);
}
