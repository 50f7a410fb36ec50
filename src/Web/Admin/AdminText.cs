using System.Globalization;
using System.Reflection;
using AlexaLinkHub.Domain.Audit;
using Microsoft.Extensions.Localization;

namespace AlexaLinkHub.Web.Admin;

internal static class AdminText
{
    /// <summary>Every audited action, for the audit log's filter.</summary>
    public static readonly IReadOnlyList<string> AuditActionNames =
        typeof(AuditActions).GetFields(BindingFlags.Public | BindingFlags.Static)
            .Where(f => f.IsLiteral && f.FieldType == typeof(string))
            .Select(f => (string)f.GetRawConstantValue()!)
            .Order(StringComparer.Ordinal)
            .ToList();

    /// <summary>A UTC day as the console's language writes dates (the column or the text says UTC).</summary>
    public static string Day(DateTimeOffset time) => time.UtcDateTime.ToString("d", CultureInfo.CurrentCulture);

    /// <summary>A UTC time to the minute as the console's language writes it; "—" for none.</summary>
    public static string When(DateTimeOffset? time) => time is { } t ? t.UtcDateTime.ToString("g", CultureInfo.CurrentCulture) : "—";

    /// <summary>A UTC time to the second (deliveries, imports, the audit log); "—" for none.</summary>
    public static string WhenExactly(DateTimeOffset? time) => time is { } t ? t.UtcDateTime.ToString("G", CultureInfo.CurrentCulture) : "—";

    /// <summary>"urn:ietf:params:oauth:token-type:access_token" or "access_token" → "access", in the console's language.</summary>
    public static string TokenType(string type, IStringLocalizer<SharedResource> text) => type switch
    {
        _ when type.EndsWith("access_token", StringComparison.Ordinal) => text["Console.TokenAccess"],
        _ when type.EndsWith("refresh_token", StringComparison.Ordinal) => text["Console.TokenRefresh"],
        _ when type.EndsWith("authorization_code", StringComparison.Ordinal) || type.EndsWith(":code", StringComparison.Ordinal) => text["Console.TokenCode"],
        _ => type,
    };

    /// <summary>A status as the application reports it — a token's (as OpenIddict stores it), an import's, a webhook
    /// delivery's — in the console's language; an unknown one as it is.</summary>
    public static string Status(string status, IStringLocalizer<SharedResource> text) => status switch
    {
        "valid" => text["Console.TokenStatusValid"],
        "revoked" => text["Console.TokenStatusRevoked"],
        "redeemed" => text["Console.TokenStatusRedeemed"],
        "inactive" => text["Console.TokenStatusInactive"],
        "running" => text["Console.StatusRunning"],
        "completed" => text["Console.StatusCompleted"],
        "pending" => text["Console.StatusPending"],
        "succeeded" => text["Console.StatusSucceeded"],
        "failed" => text["Console.StatusFailed"],
        _ => status,
    };
}
