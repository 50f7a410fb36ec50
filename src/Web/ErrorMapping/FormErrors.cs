using Microsoft.AspNetCore.Mvc.ModelBinding;

namespace AlexaLinkHub.Web.ErrorMapping;

/// <summary>A form's command, and what the application refused in it (<see cref="AppError.IsFormError"/>) put under the
/// fields it names for the page to show inline. Anything else is not the form's to show and goes on to
/// <see cref="PageErrorFilter"/> (a status page) or the exception handler.</summary>
internal static class FormErrors
{
    /// <summary>Runs <paramref name="action"/>; on a refused input adds each message where <paramref name="place"/>
    /// says (the form's field key and the words to show) and returns the refusal; null when the command succeeded.</summary>
    public static async Task<AppError?> TryAsync(ModelStateDictionary modelState, Func<Task> action, Func<FieldError, (string Key, string Message)> place)
    {
        try
        {
            await action();
            return null;
        }
        catch (Exception exception) when (AppError.From(exception) is { IsFormError: true } error)
        {
            foreach (var field in error.Fields)
            {
                var (key, message) = place(field);
                modelState.AddModelError(key, message);
            }
            return error;
        }
    }
}
