namespace AlexaLinkHub.Application.Tenants;

/// <summary>Deletes a tenant and everything it owns — skills and their OAuth clients, end users, links, tokens, API keys,
/// memberships (and admins left with no tenant), queued emails — inside the current transaction. The audit trail is
/// kept: it outlives what it describes and is trimmed by retention.</summary>
public interface ITenantDataEraser
{
    Task EraseAsync(Guid tenantId, CancellationToken cancellationToken);
}
