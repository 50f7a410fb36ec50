namespace AlexaLinkHub.Application.Common.Interfaces;

/// <summary>Who may send a message. Every command and query implements exactly one audience (an architecture test
/// fails otherwise), and <see cref="Behaviours.AuthorizationBehaviour{TMessage, TResponse}"/> refuses a message that
/// declares none: authorization is closed by default.</summary>
public interface IRequestAudience;

/// <summary>Only a platform admin (or the system) may send this message.</summary>
public interface IPlatformAdminRequest : IRequestAudience;

/// <summary>The message acts inside the tenant in scope, and the actor must administer that tenant. A query is open to
/// every role; a command (it changes something) to owners and admins, never to a viewer.</summary>
public interface ITenantAdminRequest : IRequestAudience;

/// <summary>Not an audience but a demand on top of <see cref="ITenantAdminRequest"/>: managing the tenant's team (who
/// administers it, with which role and which second factors) is for its owners (and platform admins).</summary>
public interface ITenantOwnerRequest;

/// <summary>Any authenticated admin (an admin of the UI, an API key, the system); what it reaches is narrowed by the
/// handler to the tenants the actor administers — e.g. entering a tenant's scope.</summary>
public interface IAdminRequest : IRequestAudience;

/// <summary>Sent on behalf of the signed-in end user of the tenant in scope (see <see cref="ICurrentActor.EndUserId"/>).</summary>
public interface IEndUserRequest : IRequestAudience;

/// <summary>Part of a tenant's public pages (login, link flow): anyone may send it, but a tenant must be in scope.</summary>
public interface ITenantPublicRequest : IRequestAudience;

/// <summary>The OAuth server acting for a client it has authenticated (a skill of the tenant in scope): the actor is
/// that client.</summary>
public interface IOAuthClientRequest : IRequestAudience;

/// <summary>Anyone may send it, with or without a tenant in scope: what the site does before it knows who is asking —
/// resolving a tenant, checking an API key or a session, the admin area's sign-in, sign-up and password forms. The
/// handler itself decides what an anonymous caller learns.</summary>
public interface IPublicRequest : IRequestAudience;

/// <summary>A step of the admin sign-in, before there is a session (a second factor, passkey options): anyone may send
/// it; it proves who is asking by its own inputs, and counts failures towards the sign-in lockout.</summary>
public interface IAdminSignInRequest : IRequestAudience;

/// <summary>Sent by a signed-in admin about their own account (<see cref="ICurrentActor.AdminId"/>): their second factors,
/// their sessions.</summary>
public interface IAdminAccountRequest : IRequestAudience;

/// <summary>Not an audience but a demand on top of one: a dangerous action (rotate a secret, offboard a tenant, create an
/// API key…) needs an admin of the UI who proved who they are (a second factor, else the password) within
/// <c>AdminSecurity:StepUpWindow</c>. Callers without an interactive session (API keys, the system) are not asked.</summary>
public interface IStepUpRequest;

/// <summary>A command whose handler only stages changes that one SaveChanges stores (atomically on its own), and does
/// slow work first — a password hash. It runs without an explicit transaction so that, on SQLite, the write lock is held
/// only for the final save, not for the hashing.</summary>
public interface ISingleSaveCommand;

/// <summary>A command that stores its work in several short saves of its own, as it goes (a streamed upload, staged
/// chunk by chunk): the pipeline opens no transaction around it and saves once more at the end.</summary>
public interface IStepwiseCommand;
