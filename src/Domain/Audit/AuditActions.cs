namespace AlexaLinkHub.Domain.Audit;

/// <summary>The names of audited actions, as stored and filtered on.</summary>
public static class AuditActions
{
    public const string TenantCreated = "tenant.created";
    public const string TenantUpdated = "tenant.updated";
    public const string TenantBrandingUpdated = "tenant.branding_updated";
    public const string TenantTextsUpdated = "tenant.texts_updated";
    public const string TenantSuspended = "tenant.suspended";
    public const string TenantReactivated = "tenant.reactivated";
    public const string TenantOffboarded = "tenant.offboarded";

    public const string SkillRegistered = "skill.registered";
    public const string SkillUpdated = "skill.updated";
    public const string SkillSecretRotated = "skill.secret_rotated";
    public const string SkillSecretOverlapEnded = "skill.secret_overlap_ended";
    public const string SkillDisabled = "skill.disabled";
    public const string SkillEnabled = "skill.enabled";

    /// <summary>The console's "Test this skill" made a test link (docs/decisions/021).</summary>
    public const string SkillTestLink = "skill.test_link";

    public const string UserCreated = "user.created";
    public const string UserSignedUp = "user.signed_up";
    public const string PasswordResetRequested = "user.password_reset_requested";
    public const string PasswordReset = "user.password_reset";
    public const string PasswordChanged = "user.password_changed";
    public const string EmailConfirmed = "user.email_confirmed";
    public const string UserDisabled = "user.disabled";
    public const string UserEnabled = "user.enabled";
    public const string UserDeleted = "user.deleted";
    public const string UserMigrated = "user.migrated";
    public const string UsersImportStarted = "users.import_started";
    public const string UsersImportFinished = "users.import_finished";

    public const string LegacySignInConfigured = "legacy_sign_in.configured";
    public const string LegacySignInSecretRotated = "legacy_sign_in.secret_rotated";
    public const string LegacySignInRemoved = "legacy_sign_in.removed";
    public const string LegacySignInTested = "legacy_sign_in.tested";

    public const string ApiKeyCreated = "api_key.created";
    public const string ApiKeyRevoked = "api_key.revoked";

    public const string AdminCreated = "admin.created";
    public const string AdminInvited = "admin.invited";
    public const string AdminMembershipAdded = "admin.membership_added";
    public const string AdminInvitationAccepted = "admin.invitation_accepted";
    public const string AdminPasswordResetRequested = "admin.password_reset_requested";
    public const string AdminPasswordReset = "admin.password_reset";
    public const string AdminSignedIn = "admin.signed_in";
    public const string AdminSignInFailed = "admin.sign_in_failed";
    public const string AdminTotpEnrolled = "admin.totp_enrolled";
    public const string AdminPasskeyAdded = "admin.passkey_added";
    public const string AdminPasskeyRemoved = "admin.passkey_removed";
    public const string AdminRecoveryCodesRenewed = "admin.recovery_codes_renewed";
    public const string AdminRecoveryCodeUsed = "admin.recovery_code_used";
    public const string AdminMfaReset = "admin.mfa_reset";
    public const string AdminSignedOutEverywhere = "admin.signed_out_everywhere";
    public const string AdminRoleChanged = "admin.role_changed";
    public const string AdminDisabled = "admin.disabled";
    public const string AdminEnabled = "admin.enabled";
    public const string AdminRemoved = "admin.removed";
    public const string TenantAdminMfaRequired = "tenant.admin_mfa_required";
    public const string TenantTokensRevoked = "tenant.tokens_revoked";
    public const string UserSignedOutEverywhere = "user.signed_out_everywhere";
    public const string UserSignUpWithExistingEmail = "user.sign_up_existing_email";
    public const string SigningKeyRotated = "platform.signing_key_rotated";

    public const string AccountLinked = "account.linked";
    public const string AccountUnlinked = "account.unlinked";
    public const string TokenRevoked = "token.revoked";
    public const string LinkFailed = "link.failed";

    public const string IdentityProviderAdded = "identity_provider.added";
    public const string IdentityProviderUpdated = "identity_provider.updated";
    public const string IdentityProviderDeleted = "identity_provider.deleted";
    public const string ExternalLoginConnected = "user.external_login_connected";
    public const string ExternalLoginDisconnected = "user.external_login_disconnected";

    public const string WebhookCreated = "webhook.created";
    public const string WebhookDeleted = "webhook.deleted";
    public const string WebhookTestSent = "webhook.test_sent";
    public const string WebhookRedelivered = "webhook.redelivered";
    public const string WebhookDisabled = "webhook.disabled";
    public const string WebhookEnabled = "webhook.enabled";

    public const string AuditTrimmed = "audit.trimmed";
}
