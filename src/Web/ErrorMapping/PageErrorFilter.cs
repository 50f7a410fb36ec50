using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;

namespace AlexaLinkHub.Web.ErrorMapping;

/// <summary>Every page (admin and tenant): what the application refuses outside a form — a skill, user or token id of
/// another tenant (404), an action the actor may not take (403) — is answered with <see cref="AppError"/>'s status, as
/// a status page, instead of an error. It runs first, so it also covers the other filters (entering a tenant's scope).</summary>
internal sealed class PageErrorFilter : IAsyncPageFilter, IOrderedFilter
{
    public int Order => int.MinValue;

    public Task OnPageHandlerSelectionAsync(PageHandlerSelectedContext context) => Task.CompletedTask;

    public async Task OnPageHandlerExecutionAsync(PageHandlerExecutingContext context, PageHandlerExecutionDelegate next)
    {
        var executed = await next();
        if (executed.Exception is { } exception && !executed.ExceptionHandled && AppError.From(exception) is { IsFormError: false } error)
        {
            executed.Result = new StatusCodeResult(error.Status);
            executed.ExceptionHandled = true;
        }
    }
}
