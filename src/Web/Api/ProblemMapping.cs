using AlexaLinkHub.Application.Common.Exceptions;
using AlexaLinkHub.Domain.Common;
using FluentValidation;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;

namespace AlexaLinkHub.Web.Api;

/// <summary>Turns the application's exceptions (and unreadable input) into <c>application/problem+json</c> with per-field messages. Anything
/// unexpected is a 500 without internals (the exception is logged, never echoed).</summary>
internal sealed class ProblemMapping(IProblemDetailsService problems) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        ProblemDetails? problem = exception switch
        {
            ValidationException validation => Validation(validation.Errors.Select(e => (e.PropertyName, e.ErrorMessage))),
            DomainException domain => Validation([(domain.Field ?? string.Empty, domain.Message)]),
            ConflictException conflict => WithErrors(StatusCodes.Status409Conflict, "Conflict", conflict.Message, conflict.Field),
            NotFoundException notFound => new ProblemDetails { Status = StatusCodes.Status404NotFound, Title = "Not found", Detail = notFound.Message },
            StepUpRequiredException stepUp => new ProblemDetails { Status = StatusCodes.Status403Forbidden, Title = "Forbidden", Detail = stepUp.Message },
            ForbiddenException forbidden => new ProblemDetails { Status = StatusCodes.Status403Forbidden, Title = "Forbidden", Detail = forbidden.Message },
            BadHttpRequestException bad => new ProblemDetails { Status = bad.StatusCode, Title = "Bad request", Detail = "The request could not be read: check the JSON body and the parameters." },
            // A form the framework cannot decode (a NUL, a broken escape) reaches whoever reads it first — OpenIddict, a page.
            InvalidDataException => new ProblemDetails { Status = StatusCodes.Status400BadRequest, Title = "Bad request", Detail = "The form could not be read." },
            _ => null,
        };
        if (problem is null)
            return false;

        httpContext.Response.StatusCode = problem.Status!.Value;
        return await problems.TryWriteAsync(new ProblemDetailsContext { HttpContext = httpContext, ProblemDetails = problem, Exception = exception });
    }

    private static HttpValidationProblemDetails Validation(IEnumerable<(string Field, string Message)> failures)
    {
        var errors = failures
            .GroupBy(f => JsonField(f.Field))
            .ToDictionary(g => g.Key, g => g.Select(f => f.Message).Distinct().ToArray());
        return new HttpValidationProblemDetails(errors)
        {
            Status = StatusCodes.Status400BadRequest,
            Title = "The request is invalid.",
            Detail = string.Join(" ", errors.Values.SelectMany(m => m)),
        };
    }

    private static ProblemDetails WithErrors(int status, string title, string detail, string? field) =>
        field is null
            ? new ProblemDetails { Status = status, Title = title, Detail = detail }
            : new HttpValidationProblemDetails(new Dictionary<string, string[]> { [JsonField(field)] = [detail] }) { Status = status, Title = title, Detail = detail };

    /// <summary>"RedirectUrls[0]" → "redirectUrls[0]", matching the JSON the client sent.</summary>
    internal static string JsonField(string field) =>
        string.Join('.', field.Split('.').Select(part => part.Length == 0 ? part : char.ToLowerInvariant(part[0]) + part[1..]));
}
