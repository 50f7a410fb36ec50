using AlexaLinkHub.Application.Common.Exceptions;
using AlexaLinkHub.Domain.Common;
using FluentValidation;

namespace AlexaLinkHub.Web.ErrorMapping;

/// <summary>A refused input, and where: the field as the application names it (<c>scopes[3].name</c>, "" for the whole
/// request), its message, and the rule's code when the rule has one (tenant pages translate by it).</summary>
public sealed record FieldError(string Field, string Message, string? Code = null);

/// <summary>The one mapping from what the application refuses to what a caller is told — shared by the admin API
/// (<see cref="ProblemMapping"/>: problem+json), the forms of the admin and tenant pages (<see cref="FormErrors"/>:
/// messages under their fields) and the pages themselves (<see cref="PageErrorFilter"/>: a status page). Anything not
/// mapped here is unexpected: a 500 without internals, the exception logged, never echoed.</summary>
public sealed record AppError(int Status, string Title, string Detail, IReadOnlyList<FieldError> Fields, bool StepUp = false)
{
    /// <summary>A refused input a form shows under its fields, rather than a page of its own.</summary>
    public bool IsFormError => Status is StatusCodes.Status400BadRequest or StatusCodes.Status409Conflict && Fields.Count > 0;

    public static AppError? From(Exception exception) => exception switch
    {
        ValidationException validation => Invalid(validation.Errors.Select(e => new FieldError(e.PropertyName, e.ErrorMessage, NullIfEmpty(e.ErrorCode)))),
        DomainException domain => Invalid([new FieldError(domain.Field ?? string.Empty, domain.Message)]),
        ConflictException conflict => new(StatusCodes.Status409Conflict, "Conflict", conflict.Message, [new FieldError(conflict.Field ?? string.Empty, conflict.Message)]),
        NotFoundException notFound => new(StatusCodes.Status404NotFound, "Not found", notFound.Message, []),
        // An admin of the UI must prove who they are again: pages send them to do so, the API says 403.
        StepUpRequiredException stepUp => new(StatusCodes.Status403Forbidden, "Forbidden", stepUp.Message, [], StepUp: true),
        ForbiddenException forbidden => new(StatusCodes.Status403Forbidden, "Forbidden", forbidden.Message, []),
        BadHttpRequestException bad => new(bad.StatusCode, "Bad request", "The request could not be read: check the JSON body and the parameters.", []),
        // A form the framework cannot decode (a NUL, a broken escape) reaches whoever reads it first — OpenIddict, a page.
        InvalidDataException => new(StatusCodes.Status400BadRequest, "Bad request", "The form could not be read.", []),
        _ => null,
    };

    private static AppError Invalid(IEnumerable<FieldError> fields)
    {
        var list = fields.ToList();
        return new(StatusCodes.Status400BadRequest, "The request is invalid.", string.Join(" ", list.Select(f => f.Message).Distinct()), list);
    }

    // FluentValidation fills in its validator's name when a rule sets no code; only codes a rule chose mean something.
    private static string? NullIfEmpty(string? code) => string.IsNullOrEmpty(code) || code.EndsWith("Validator", StringComparison.Ordinal) ? null : code;
}
