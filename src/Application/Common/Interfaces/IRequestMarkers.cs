namespace AlexaLinkHub.Application.Common.Interfaces;

/// <summary>Only a platform admin (or the system) may send this message.</summary>
public interface IPlatformAdminRequest;

/// <summary>The message acts inside the tenant in scope, and the actor must administer that tenant.</summary>
public interface ITenantAdminRequest;

/// <summary>Sent on behalf of the signed-in end user of the tenant in scope (see <see cref="ICurrentActor.EndUserId"/>).</summary>
public interface IEndUserRequest;

/// <summary>Part of a tenant's public pages (login, link flow): anyone may send it, but a tenant must be in scope.</summary>
public interface ITenantPublicRequest;

/// <summary>A step of the admin sign-in, before there is a session (a second factor, passkey options): anyone may send
/// it; it proves who is asking by its own inputs, and counts failures towards the sign-in lockout.</summary>
public interface IAdminSignInRequest;

/// <summary>Sent by a signed-in admin about their own account (<see cref="ICurrentActor.AdminId"/>): their second factors,
/// their sessions.</summary>
public interface IAdminAccountRequest;

/// <summary>A dangerous action (rotate a secret, offboard a tenant, create an API key…): an admin of the UI must have
/// proved who they are (a second factor, else the password) within <c>AdminSecurity:StepUpWindow</c>. Callers without an
/// interactive session (API keys, the system) are not asked.</summary>
public interface IStepUpRequest;

/// <summary>A command whose handler only stages changes that one SaveChanges stores (atomically on its own), and does
/// slow work first — a password hash. It runs without an explicit transaction so that, on SQLite, the write lock is held
/// only for the final save, not for the hashing.</summary>
public interface ISingleSaveCommand;
