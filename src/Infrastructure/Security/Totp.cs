using AlexaLinkHub.Application.Admins;
using Microsoft.AspNetCore.DataProtection;
using OtpNet;

namespace AlexaLinkHub.Infrastructure.Security;

/// <summary>RFC 6238 with Otp.NET: 160-bit secrets (RFC 4226 §4 recommends 160), 30-second steps, 6 digits, one step
/// of drift either way (§5.2). Secrets are encrypted with the data-protection key ring before they are stored.</summary>
internal sealed class Totp(IDataProtectionProvider protection, TimeProvider clock) : ITotp
{
    private const string Issuer = "AlexaLinkHub";
    private readonly IDataProtector _protector = protection.CreateProtector("AlexaLinkHub.Admins.TotpSecret.v1");

    public TotpSecret NewSecret()
    {
        var base32 = Base32Encoding.ToString(KeyGeneration.GenerateRandomKey(20));
        return new TotpSecret(base32, _protector.Protect(base32));
    }

    public string Reveal(string protectedSecret) => _protector.Unprotect(protectedSecret);

    public string EnrolmentUri(string base32Secret, string accountName) =>
        new OtpUri(OtpType.Totp, base32Secret, accountName, Issuer).ToString();

    public long? MatchTimeStep(string protectedSecret, string code)
    {
        if (code.Length != 6 || !code.All(char.IsAsciiDigit))
            return null;
        var totp = new OtpNet.Totp(Base32Encoding.ToBytes(Reveal(protectedSecret)));
        return totp.VerifyTotp(clock.GetUtcNow().UtcDateTime, code, out var step, VerificationWindow.RfcSpecifiedNetworkDelay) ? step : null;
    }
}
