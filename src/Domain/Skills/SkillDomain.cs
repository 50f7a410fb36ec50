using System.Text.RegularExpressions;
using AlexaLinkHub.Domain.Common;

namespace AlexaLinkHub.Domain.Skills;

/// <summary>An entry of a skill's domain list: a host name the login page may load content from (Alexa allows 30).</summary>
public static partial class SkillDomain
{
    public static string Validate(string? value, int index)
    {
        var host = value?.Trim().TrimEnd('.').ToLowerInvariant() ?? string.Empty;
        if (host.Length is 0 or > 253 || !HostName().IsMatch(host))
            throw new DomainException($"'{value}' is not a host name (like cdn.example.com).", $"domains[{index}]");
        return host;
    }

    [GeneratedRegex(@"^(?=.*[a-z])(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?$", RegexOptions.CultureInvariant)]
    private static partial Regex HostName();
}
