using AlexaLinkHub.Web.ErrorMapping;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.Extensions.Localization;

namespace AlexaLinkHub.Web.Admin;

/// <summary>The admin pages' forms (<see cref="FormErrors"/>): the application's refusals under the form's own field
/// names, worded in the console's language where the rule has a code (<see cref="RuleTexts"/>), else as the application
/// says them. The rules stay in Application and Domain.</summary>
internal static class AdminForm
{
    /// <summary>Runs <paramref name="action"/>; on a refusal adds the messages to <paramref name="modelState"/> and returns
    /// false. <paramref name="prefix"/> is the form's binding prefix ("Input"); <paramref name="aliases"/> maps a field
    /// name the application reports (e.g. "slug") to the form's own (e.g. "TenantSlug"); <paramref name="text"/> words
    /// the refusals whose rule has a code.</summary>
    public static async Task<bool> TryAsync(ModelStateDictionary modelState, Func<Task> action, string prefix = "Input", IReadOnlyDictionary<string, string>? aliases = null,
        IStringLocalizer<SharedResource>? text = null) =>
        await FormErrors.TryAsync(modelState, action, field => (Key(field.Field, prefix, aliases), text is null ? field.Message : RuleTexts.Localize(field, text))) is null;

    /// <summary>"scopes[3].name" → "Input.Scopes[3].Name"; "" → "" (a message for the whole form).</summary>
    internal static string Key(string field, string prefix, IReadOnlyDictionary<string, string>? aliases)
    {
        if (string.IsNullOrEmpty(field))
            return string.Empty;
        var head = field.Split('.', '[')[0];
        if (aliases is not null && aliases.TryGetValue(head, out var alias))
            field = alias + field[head.Length..];
        var pascal = string.Join('.', field.Split('.').Select(part => part.Length == 0 ? part : char.ToUpperInvariant(part[0]) + part[1..]));
        return string.IsNullOrEmpty(prefix) ? pascal : $"{prefix}.{pascal}";
    }

    /// <summary>The first message for a field, for an inline error under it.</summary>
    public static string? ErrorFor(this ModelStateDictionary modelState, string key) =>
        modelState.TryGetValue(key, out var entry) ? entry.Errors.FirstOrDefault()?.ErrorMessage : null;

    /// <summary>Every message, for the summary at the top of a form (each field also shows its own inline).</summary>
    public static IReadOnlyList<string> AllErrors(this ModelStateDictionary modelState) =>
        modelState.Values.SelectMany(e => e.Errors.Select(x => x.ErrorMessage)).Distinct().ToList();
}
