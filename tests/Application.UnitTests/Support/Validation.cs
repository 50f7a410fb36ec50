using FluentValidation;

namespace AlexaLinkHub.Application.UnitTests.Support;

public static class Validation
{
    /// <summary>Asserts that <paramref name="exception"/> names <paramref name="field"/> (compared ignoring case, as the
    /// problem+json mapping camel-cases it) and returns that field's messages.</summary>
    public static IReadOnlyList<string> MessagesFor(this ValidationException exception, string field)
    {
        var messages = exception.Errors
            .Where(e => string.Equals(e.PropertyName, field, StringComparison.OrdinalIgnoreCase))
            .Select(e => e.ErrorMessage)
            .ToList();
        Assert.True(messages.Count > 0,
            $"Expected a failure for '{field}', got: {string.Join("; ", exception.Errors.Select(e => $"{e.PropertyName}: {e.ErrorMessage}"))}");
        return messages;
    }

    public static IReadOnlyList<string> Fields(this ValidationException exception) =>
        exception.Errors.Select(e => e.PropertyName).Distinct(StringComparer.OrdinalIgnoreCase).ToList();
}
