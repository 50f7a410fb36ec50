namespace AlexaLinkHub.Infrastructure.Email;

/// <summary>Configuration section <c>Email</c>. Without an SMTP host, every message is written as an .eml file into
/// <see cref="PickupDirectory"/> (default <c>data/mail/</c>) — a local run needs no mail server.</summary>
public sealed class EmailOptions
{
    public const string SectionName = "Email";

    public string FromAddress { get; set; } = "no-reply@alexalinkhub.local";

    /// <summary>Sender name when the email is not a tenant's (a tenant's emails use its display name).</summary>
    public string FromName { get; set; } = "AlexaLinkHub";

    public string PickupDirectory { get; set; } = "data/mail";

    public SmtpOptions Smtp { get; set; } = new();
}

public sealed class SmtpOptions
{
    public string? Host { get; set; }
    public int Port { get; set; } = 587;

    /// <summary><c>StartTls</c> (default), <c>SslOnConnect</c>, <c>Auto</c> or <c>None</c>.</summary>
    public string Security { get; set; } = "StartTls";
    public string? UserName { get; set; }
    public string? Password { get; set; }
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(30);
}
