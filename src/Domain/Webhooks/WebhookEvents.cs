namespace AlexaLinkHub.Domain.Webhooks;

/// <summary>The event types a vendor can subscribe to (the same names as the audit actions they mirror), and the test
/// event an admin sends on demand.</summary>
public static class WebhookEvents
{
    public const string AccountLinked = "account.linked";
    public const string AccountUnlinked = "account.unlinked";
    public const string TokenRevoked = "token.revoked";

    /// <summary>An admin disabled the user: every token of theirs is inactive from now on, for every skill (no clientId).</summary>
    public const string UserDisabled = "user.disabled";

    /// <summary>Sent by "send test event" only; nobody subscribes to it.</summary>
    public const string Test = "webhook.test";

    public static IReadOnlyList<string> Subscribable { get; } = [AccountLinked, AccountUnlinked, TokenRevoked, UserDisabled];

    public static bool IsSubscribable(string? type) => type is not null && Subscribable.Contains(type, StringComparer.Ordinal);
}
