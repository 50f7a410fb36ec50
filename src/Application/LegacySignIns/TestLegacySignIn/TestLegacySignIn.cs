using System.Security.Cryptography;
using AlexaLinkHub.Application.Common.Exceptions;
using AlexaLinkHub.Application.Common.Interfaces;
using AlexaLinkHub.Application.Common.Tenancy;
using AlexaLinkHub.Application.Webhooks;
using AlexaLinkHub.Domain.Audit;
using Mediator;

namespace AlexaLinkHub.Application.LegacySignIns;

/// <summary>"Test the endpoint": one signed call for a made-up account with a random password, exactly as a sign-in
/// would make it. A working endpoint refuses it (401 or 404). Works whether or not the endpoint is enabled.</summary>
public sealed record TestLegacySignIn : ICommand<LegacySignInTestDto>, ITenantAdminRequest, ISingleSaveCommand;

public sealed class TestLegacySignInHandler(
    ILegacySignInRepository endpoints,
    ILegacySignInClient client,
    IWebhookSecretProtector protector,
    ITenantContext scope,
    IAuditLog audit) : ICommandHandler<TestLegacySignIn, LegacySignInTestDto>
{
    public const string ProbeEmail = "endpoint-test@alexalinkhub.invalid";

    public async ValueTask<LegacySignInTestDto> Handle(TestLegacySignIn command, CancellationToken cancellationToken)
    {
        var endpoint = await endpoints.FindAsync(cancellationToken) ?? throw new NotFoundException("No legacy sign-in endpoint is set.");
        var probe = new LegacySignInRequest(endpoint.Url, protector.Unprotect(endpoint.ProtectedSecret), scope.TenantSlug!, ProbeEmail,
            Convert.ToBase64String(RandomNumberGenerator.GetBytes(18)));
        var answer = await client.SignInAsync(probe, cancellationToken);
        var result = answer.Verdict switch
        {
            LegacySignInVerdict.Rejected => new LegacySignInTestDto(true, answer.StatusCode, Ms(answer),
                $"The endpoint answered {answer.StatusCode} for a made-up account, as it should."),
            LegacySignInVerdict.Accepted => new LegacySignInTestDto(false, answer.StatusCode, Ms(answer),
                "The endpoint accepted a made-up account with a random password: it must answer 401 or 404 unless the password is right."),
            _ => new LegacySignInTestDto(false, answer.StatusCode, Ms(answer), answer.Error ?? "The endpoint could not be reached."),
        };
        audit.Record(AuditActions.LegacySignInTested, AuditTarget.LegacySignIn, AuditDetails.Of("ok", result.Ok).And("status", answer.StatusCode?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "none"));
        return result;
    }

    private static int Ms(LegacySignInAnswer answer) => (int)answer.Duration.TotalMilliseconds;
}
