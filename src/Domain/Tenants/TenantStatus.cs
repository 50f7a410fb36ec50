namespace AlexaLinkHub.Domain.Tenants;

public enum TenantStatus
{
    Active = 0,
    Suspended = 1,
}
