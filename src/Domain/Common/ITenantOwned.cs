namespace AlexaLinkHub.Domain.Common;

/// <summary>An entity that belongs to exactly one tenant; it is invisible outside that tenant.</summary>
public interface ITenantOwned
{
    Guid TenantId { get; }
}

/// <summary>An entity that belongs either to one tenant or to the platform (TenantId null); platform rows are visible
/// only in the platform scope.</summary>
public interface ITenantOrPlatformOwned
{
    Guid? TenantId { get; }
}

/// <summary>Declares an entity deliberately visible across tenants, with the reason why. The model test fails for an
/// entity that is neither tenant-owned nor declared global.</summary>
[AttributeUsage(AttributeTargets.Class, Inherited = false)]
public sealed class GlobalEntityAttribute(string reason) : Attribute
{
    public string Reason { get; } = reason;
}
