using System.Text.Json;
using AlexaLinkHub.Application.Admins;
using AlexaLinkHub.Application.Common.Interfaces;
using AlexaLinkHub.Domain.Admins;
using Fido2NetLib;
using Fido2NetLib.Objects;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.Logging;

namespace AlexaLinkHub.Infrastructure.Security;

/// <summary>WebAuthn with the Fido2 library. The relying party is the public base URL's host and the only accepted
/// origin is its origin (never a request's Host header). A ceremony's options travel back as sealed state: protected
/// for five minutes and bound to the admin, so a challenge is always one this server made for this admin. No attestation
/// is asked for (passkeys of any authenticator are welcome; the admin's password and session already vouch for them).</summary>
internal sealed partial class Passkeys(IPublicUrls urls, IDataProtectionProvider protection, ILogger<Passkeys> logger) : IPasskeys
{
    private static readonly TimeSpan CeremonyLifetime = TimeSpan.FromMinutes(5);
    private readonly ITimeLimitedDataProtector _state = protection.CreateProtector("AlexaLinkHub.Admins.WebAuthnState.v1").ToTimeLimitedDataProtector();

    public PasskeyChallenge BeginRegistration(AdminUser admin)
    {
        var options = Fido().RequestNewCredential(new RequestNewCredentialParams
        {
            User = new Fido2User { Id = admin.Id.ToByteArray(), Name = admin.Email, DisplayName = admin.Email },
            ExcludeCredentials = admin.Passkeys.Select(p => new PublicKeyCredentialDescriptor(p.CredentialId)).ToList(),
            AuthenticatorSelection = new AuthenticatorSelection { ResidentKey = ResidentKeyRequirement.Preferred, UserVerification = UserVerificationRequirement.Preferred },
            AttestationPreference = AttestationConveyancePreference.None,
        });
        return Seal(admin, options.ToJson());
    }

    public async Task<PasskeyCredential?> CompleteRegistrationAsync(AdminUser admin, string state, string responseJson, CancellationToken cancellationToken)
    {
        try
        {
            var options = CredentialCreateOptions.FromJson(Unseal(admin, state));
            var response = JsonSerializer.Deserialize<AuthenticatorAttestationRawResponse>(responseJson) ?? throw new JsonException("empty");
            var credential = await Fido().MakeNewCredentialAsync(new MakeNewCredentialParams
            {
                AttestationResponse = response,
                OriginalOptions = options,
                IsCredentialIdUniqueToUserCallback = (args, _) => Task.FromResult(admin.FindPasskey(args.CredentialId) is null),
            }, cancellationToken);
            return new PasskeyCredential(credential.Id, credential.PublicKey, credential.SignCount);
        }
        catch (Exception ex) when (IsRefusal(ex))
        {
            LogRefused(logger, "registration", ex.GetType().Name);
            return null;
        }
    }

    public PasskeyChallenge BeginAssertion(AdminUser admin)
    {
        var options = Fido().GetAssertionOptions(new GetAssertionOptionsParams
        {
            AllowedCredentials = admin.Passkeys.Select(p => new PublicKeyCredentialDescriptor(p.CredentialId)).ToList(),
            UserVerification = UserVerificationRequirement.Preferred,
        });
        return Seal(admin, options.ToJson());
    }

    public async Task<PasskeyAssertion?> CompleteAssertionAsync(AdminUser admin, string state, string responseJson, CancellationToken cancellationToken)
    {
        try
        {
            var options = AssertionOptions.FromJson(Unseal(admin, state));
            var response = JsonSerializer.Deserialize<AuthenticatorAssertionRawResponse>(responseJson) ?? throw new JsonException("empty");
            var passkey = admin.FindPasskey(response.RawId);
            if (passkey is null)
                return null;
            var result = await Fido().MakeAssertionAsync(new MakeAssertionParams
            {
                AssertionResponse = response,
                OriginalOptions = options,
                StoredPublicKey = passkey.PublicKey,
                StoredSignatureCounter = passkey.SignCount,
                IsUserHandleOwnerOfCredentialIdCallback = (args, _) =>
                    Task.FromResult(args.UserHandle.AsSpan().SequenceEqual(admin.Id.ToByteArray()) && admin.FindPasskey(args.CredentialId) is not null),
            }, cancellationToken);
            return new PasskeyAssertion(passkey.CredentialId, result.SignCount);
        }
        catch (Exception ex) when (IsRefusal(ex))
        {
            LogRefused(logger, "assertion", ex.GetType().Name);
            return null;
        }
    }

    private Fido2 Fido()
    {
        var origin = urls.BaseUrl.GetLeftPart(UriPartial.Authority);
        return new Fido2(new Fido2Configuration
        {
            RPID = urls.BaseUrl.Host,
            RPName = "AlexaLinkHub admin",
            Origins = new HashSet<string>(StringComparer.Ordinal) { origin },
            TimestampDriftTolerance = 300_000,
        });
    }

    private PasskeyChallenge Seal(AdminUser admin, string optionsJson) =>
        new(optionsJson, _state.Protect($"{admin.Id:N}\n{optionsJson}", CeremonyLifetime));

    private string Unseal(AdminUser admin, string state)
    {
        var plain = _state.Unprotect(state);
        var newline = plain.IndexOf('\n', StringComparison.Ordinal);
        if (newline < 0 || plain[..newline] != admin.Id.ToString("N"))
            throw new Fido2VerificationException("The ceremony belongs to another admin.");
        return plain[(newline + 1)..];
    }

    // Anything the browser can send wrong: a tampered or expired state, malformed JSON, a failed verification.
    private static bool IsRefusal(Exception ex) =>
        ex is Fido2VerificationException or JsonException or System.Security.Cryptography.CryptographicException or FormatException or ArgumentException or InvalidOperationException;

    [LoggerMessage(Level = LogLevel.Information, Message = "A passkey {Ceremony} was refused ({Error}).")]
    private static partial void LogRefused(ILogger logger, string ceremony, string error);
}
