using System.Globalization;
using System.Reflection;
using AlexaLinkHub.Domain.Audit;

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

    /// <summary>"urn:ietf:params:oauth:token-type:access_token" or "access_token" → "access".</summary>
    public static string TokenType(string type) => type switch
    {
        _ when type.EndsWith("access_token", StringComparison.Ordinal) => "access",
        _ when type.EndsWith("refresh_token", StringComparison.Ordinal) => "refresh",
        _ when type.EndsWith("authorization_code", StringComparison.Ordinal) || type.EndsWith(":code", StringComparison.Ordinal) => "authorization code",
        _ => type,
    };
}
