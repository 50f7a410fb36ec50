using AlexaLinkHub.Application.Users;
using AlexaLinkHub.Domain.Users;
using Microsoft.Extensions.Localization;

namespace AlexaLinkHub.Web.ErrorMapping;

/// <summary>A refusal in the reader's language, worded by the code of the rule it breaks — never by its English message.
/// A rule without a code the pages word keeps the application's message. Shared by the tenant pages and the console.</summary>
internal static class RuleTexts
{
    public static string Localize(FieldError field, IStringLocalizer<SharedResource> text) => field.Code switch
    {
        PasswordRules.TooShortCode => text["Password.TooShort"],
        PasswordRules.TooLongCode => text["Password.TooLong"],
        PasswordRules.TooCommonCode => text["Password.TooCommon"],
        EmailAddress.InvalidCode => text["Email.Invalid"],
        EndUser.InvalidDisplayNameCode => text["Name.Invalid"],
        _ => field.Message,
    };
}
