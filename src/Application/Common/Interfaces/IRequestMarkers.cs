namespace AlexaLinkHub.Application.Common.Interfaces;

/// <summary>Only a platform admin (or the system) may send this message.</summary>
public interface IPlatformAdminRequest;

/// <summary>The message acts inside the tenant in scope, and the actor must administer that tenant.</summary>
public interface ITenantAdminRequest;

/// <summary>Sent on behalf of the signed-in end user of the tenant in scope (see <see cref="ICurrentActor.EndUserId"/>).</summary>
public interface IEndUserRequest;

/// <summary>Part of a tenant's public pages (login, link flow): anyone may send it, but a tenant must be in scope.</summary>
public interface ITenantPublicRequest;
