using AlexaLinkHub.Web.ErrorMapping;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.Extensions.Localization;

namespace AlexaLinkHub.Web.Pages.Tenant;

/// <summary>The tenant pages' forms (<see cref="FormErrors"/>): each refusal under its field, in the user's language —
/// worded by the code of the rule it breaks, never by its English message.</summary>
internal static class PageMessages
{
    /// <summary>Runs <paramref name="action"/>; returns the refusal (null on success). <paramref name="fields"/> maps the
    /// command's field names to the form's.</summary>
    public static Task<AppError?> TryAsync(ModelStateDictionary modelState, Func<Task> action, IStringLocalizer<SharedResource> text, IReadOnlyDictionary<string, string> fields) =>
        FormErrors.TryAsync(modelState, action, field => (Key(field.Field, fields), RuleTexts.Localize(field, text)));

    private static string Key(string field, IReadOnlyDictionary<string, string> fields) =>
        fields.FirstOrDefault(f => string.Equals(f.Key, field, StringComparison.OrdinalIgnoreCase)).Value ?? field;
}
