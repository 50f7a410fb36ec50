namespace AlexaLinkHub.SkillBackend;

/// <summary>The request has no working link; the answer is the LinkAccount card.</summary>
public sealed class AccountNotLinkedException : Exception
{
    public AccountNotLinkedException(NotLinkedReason reason, string? scope = null)
        : base(reason == NotLinkedReason.MissingScope ? $"The linked account has not granted the scope '{scope}'." : $"The account is not linked ({reason}).")
    {
        Reason = reason;
        Scope = scope;
    }

    public NotLinkedReason Reason { get; }
    public string? Scope { get; }
}

/// <summary>AlexaLinkHub could not say whether the token works (timeout, no connection, 5xx, refused client
/// credentials, an answer that is not RFC 7662). The user may well still be linked: never treat this as "not linked".</summary>
public sealed class AlexaLinkHubUnavailableException : Exception
{
    public AlexaLinkHubUnavailableException(UnavailableReason reason, string message, int? status = null, Exception? inner = null)
        : base(message, inner)
    {
        Reason = reason;
        Status = status;
    }

    public UnavailableReason Reason { get; }
    public int? Status { get; }
}
