using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using AlexaLinkHub.Application.Linking;
using Microsoft.AspNetCore.DataProtection;

namespace AlexaLinkHub.Infrastructure.Identity;

/// <summary>The console's test tickets, carried as the authorization request's <c>state</c>: protected (encrypted and
/// authenticated) by data protection under a purpose of their own, so nothing else passes for one and nobody can make
/// one; expiry is decided by the caller's clock.</summary>
internal sealed class TestLinkTickets(IDataProtectionProvider protection) : ITestLinkTickets
{
    private readonly IDataProtector _protector = protection.CreateProtector("AlexaLinkHub.TestLinkTicket.v1");

    public string Issue(TestLinkTicket ticket) =>
        Base64Url.EncodeToString(_protector.Protect(JsonSerializer.SerializeToUtf8Bytes(ticket)));

    public TestLinkTicket? Read(string? state, DateTimeOffset now)
    {
        if (string.IsNullOrEmpty(state) || state.Length > 2048)
            return null;
        try
        {
            var ticket = JsonSerializer.Deserialize<TestLinkTicket>(_protector.Unprotect(Base64Url.DecodeFromChars(state)));
            return ticket is not null && now < ticket.ExpiresAt ? ticket : null;
        }
        catch (Exception e) when (e is CryptographicException or FormatException or JsonException)
        {
            return null;
        }
    }
}
