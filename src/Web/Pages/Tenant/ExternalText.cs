using AlexaLinkHub.Application.ExternalSignIn;
using AlexaLinkHub.Application.Linking;
using Microsoft.Extensions.Localization;

namespace AlexaLinkHub.Web.Pages.Tenant;

/// <summary>The login page's words for what came back from an external sign-in (the <c>?external=</c> code): an
/// unknown code says nothing.</summary>
public static class ExternalText
{
    public static string? For(string? code, IReadOnlyList<SignInProvider> providers, PendingConnection? pending, IStringLocalizer<SharedResource> text)
    {
        if (code == ExternalCallbackModel.ConnectNotice)
        {
            if (pending is null)
                return null;
            var provider = providers.FirstOrDefault(p => p.Name == pending.Login.ProviderName)?.DisplayName ?? pending.Login.ProviderName;
            // Verified or not, the account is connected only after its password: the words differ, the rule does not.
            return pending.EmailVerified
                ? text["External.ConnectExisting", pending.Email, provider].Value
                : text["External.ConnectExistingUnverified", pending.Email, provider].Value;
        }
        return code switch
        {
            LinkFailureReasons.ExternalAccessDenied => text["External.AccessDenied"].Value,
            LinkFailureReasons.ExternalUnreachable => text["External.Unreachable"].Value,
            LinkFailureReasons.ExternalBadState => text["External.Expired"].Value,
            LinkFailureReasons.ExternalProviderError or LinkFailureReasons.ExternalInvalidToken or LinkFailureReasons.ExternalBadNonce
                or LinkFailureReasons.ExternalUnknownProvider => text["External.Failed"].Value,
            LinkFailureReasons.ExternalNoEmail => text["External.NoEmail"].Value,
            LinkFailureReasons.ExternalSignUpDisabled => text["External.SignUpDisabled"].Value,
            LinkFailureReasons.ExternalEmailUnverified => text["External.EmailUnverified"].Value,
            LinkFailureReasons.AccountDisabled => text["External.Disabled"].Value,
            _ => null,
        };
    }
}
