namespace AlexaLinkHub.Application.Common.Interfaces;

/// <summary>Only a platform admin (or the system) may send this message.</summary>
public interface IPlatformAdminRequest;

/// <summary>The message acts inside the tenant in scope, and the actor must administer that tenant.</summary>
public interface ITenantAdminRequest;

/// <summary>Sent on behalf of the signed-in end user of the tenant in scope (see <see cref="ICurrentActor.EndUserId"/>).</summary>
public interface IEndUserRequest;

/// <summary>Part of a tenant's public pages (login, link flow): anyone may send it, but a tenant must be in scope.</summary>
public interface ITenantPublicRequest;

/// <summary>A command whose handler only stages changes that one SaveChanges stores (atomically on its own), and does
/// slow work first — a password hash. It runs without an explicit transaction so that, on SQLite, the write lock is held
/// only for the final save, not for the hashing.</summary>
public interface ISingleSaveCommand;

/// <summary>A command that stores its work in several short saves of its own, as it goes (a streamed upload, staged
/// chunk by chunk): the pipeline opens no transaction around it and saves once more at the end.</summary>
public interface IStepwiseCommand;
