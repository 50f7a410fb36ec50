using AlexaLinkHub.Application.Users;
using FluentValidation;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.Extensions.Localization;

namespace AlexaLinkHub.Web.Pages.Tenant;

/// <summary>Turns the application's validation failures into inline, localised messages under the right field. The
/// rules and their English wording live in Application; the translations are keyed by the English texts below.</summary>
internal static class PageMessages
{
    public static void AddTo(ModelStateDictionary modelState, ValidationException exception, IStringLocalizer<SharedResource> text, IReadOnlyDictionary<string, string> fields)
    {
        foreach (var failure in exception.Errors)
        {
            var field = fields.TryGetValue(failure.PropertyName, out var mapped) ? mapped : failure.PropertyName;
            modelState.AddModelError(field, Localize(failure.PropertyName, failure.ErrorMessage, text));
        }
    }

    private static string Localize(string property, string message, IStringLocalizer<SharedResource> text) => property switch
    {
        _ when property.Contains("Password", StringComparison.Ordinal) => message switch
        {
            PasswordRules.TooCommonMessage => text["This password is too common. Choose one that is harder to guess."],
            PasswordRules.TooLongMessage => text["Use at most 256 characters."],
            _ => text["Use at least 8 characters."],
        },
        "Email" => text["Enter an email address like name@example.com."],
        "DisplayName" => text["Enter your name (at most 100 characters)."],
        _ => message,
    };
}
