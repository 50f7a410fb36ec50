using System.Buffers.Text;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using AlexaLinkHub.Domain.Skills;
using Microsoft.AspNetCore.DataProtection;

namespace AlexaLinkHub.Infrastructure.OAuth;

/// <summary>How the console authenticates as a skill for "Test this skill" (redeeming the test's code, introspecting its
/// token): we keep only the hash of a skill's secret, so the console presents a credential of its own instead — made
/// here, on the server, for one tenant and client, valid one minute, never shown to anyone (docs/decisions/021).</summary>
public sealed class ConsoleClientCredentials(IDataProtectionProvider protection, TimeProvider clock)
{
    private const string Prefix = "alh-console.";
    private static readonly TimeSpan s_lifetime = TimeSpan.FromMinutes(1);

    private readonly IDataProtector _protector = protection.CreateProtector("AlexaLinkHub.ConsoleClientCredential.v1");

    public string Issue(Guid tenantId, string clientId)
    {
        var payload = string.Join('\n', tenantId.ToString("N"), clientId, (clock.GetUtcNow() + s_lifetime).UtcTicks.ToString(CultureInfo.InvariantCulture));
        return Prefix + Base64Url.EncodeToString(_protector.Protect(Encoding.UTF8.GetBytes(payload)));
    }

    public bool Accepts(Skill skill, string secret)
    {
        if (!secret.StartsWith(Prefix, StringComparison.Ordinal) || secret.Length > 1024)
            return false;
        try
        {
            var parts = Encoding.UTF8.GetString(_protector.Unprotect(Base64Url.DecodeFromChars(secret.AsSpan(Prefix.Length)))).Split('\n');
            return parts is [var tenant, var clientId, var ticks]
                && Guid.TryParseExact(tenant, "N", out var tenantId) && tenantId == skill.TenantId
                && string.Equals(clientId, skill.ClientId, StringComparison.Ordinal)
                && long.TryParse(ticks, NumberStyles.None, CultureInfo.InvariantCulture, out var until) && clock.GetUtcNow().UtcTicks < until;
        }
        catch (Exception e) when (e is CryptographicException or FormatException)
        {
            return false;
        }
    }
}
