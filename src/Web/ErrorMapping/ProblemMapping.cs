using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;

namespace AlexaLinkHub.Web.ErrorMapping;

/// <summary>The admin API's rendering of <see cref="AppError"/>: <c>application/problem+json</c>, with per-field messages
/// under the JSON names of the fields. Anything unexpected is a 500 without internals (logged, never echoed).</summary>
internal sealed class ProblemMapping(IProblemDetailsService problems) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        if (AppError.From(exception) is not { } error)
            return false;

        var problem = ToProblem(error);
        httpContext.Response.StatusCode = error.Status;
        return await problems.TryWriteAsync(new ProblemDetailsContext { HttpContext = httpContext, ProblemDetails = problem, Exception = exception });
    }

    private static ProblemDetails ToProblem(AppError error)
    {
        if (error.Status == StatusCodes.Status400BadRequest && error.Fields.Count > 0)
        {
            var errors = error.Fields
                .GroupBy(f => JsonField(f.Field))
                .ToDictionary(g => g.Key, g => g.Select(f => f.Message).Distinct().ToArray());
            return new HttpValidationProblemDetails(errors)
            {
                Status = error.Status,
                Title = error.Title,
                Detail = string.Join(" ", errors.Values.SelectMany(m => m)),
            };
        }
        var named = error.Fields.Where(f => f.Field.Length > 0).ToList();
        return named.Count == 0
            ? new ProblemDetails { Status = error.Status, Title = error.Title, Detail = error.Detail }
            : new HttpValidationProblemDetails(named.ToDictionary(f => JsonField(f.Field), f => new[] { f.Message })) { Status = error.Status, Title = error.Title, Detail = error.Detail };
    }

    /// <summary>"RedirectUrls[0]" → "redirectUrls[0]", matching the JSON the client sent.</summary>
    internal static string JsonField(string field) =>
        string.Join('.', field.Split('.').Select(part => part.Length == 0 ? part : char.ToLowerInvariant(part[0]) + part[1..]));
}
