namespace AlexaLinkHub.Application.Common.Interfaces;

/// <summary>Only a platform admin (or the system) may send this message.</summary>
public interface IPlatformAdminRequest;

/// <summary>The message acts inside the tenant in scope, and the actor must administer that tenant.</summary>
public interface ITenantAdminRequest;
